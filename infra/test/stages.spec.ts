import { Match } from 'aws-cdk-lib/assertions';
import { DEFAULT_SERVICE_PORTS, SERVICE_NAMES } from '@confer/shared/contracts';
import { STAGE_CONFIGS } from '../lib/config';
import { synthStage } from './support/synth';

type Resources = Record<string, { Type: string; Properties: Record<string, unknown> }>;

const STAGES = ['dev', 'prod'] as const;

describe.each(STAGES)('stage %s', (stage) => {
  const { templates, nagViolations } = synthStage(stage);
  const config = STAGE_CONFIGS[stage];

  it('has no unacknowledged cdk-nag (AwsSolutions) finding', () => {
    expect(nagViolations.map((v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
  });

  it('keeps every bucket private, encrypted and TLS-only', () => {
    for (const template of Object.values(templates)) {
      const buckets = template.findResources('AWS::S3::Bucket') as Resources;
      for (const [id, bucket] of Object.entries(buckets)) {
        expect({ id, block: bucket.Properties['PublicAccessBlockConfiguration'] }).toEqual({
          id,
          block: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        });
        expect(bucket.Properties['BucketEncryption']).toBeDefined();
      }
      for (const policy of Object.values(template.findResources('AWS::S3::BucketPolicy') as Resources)) {
        const statements = (policy.Properties['PolicyDocument'] as { Statement: Record<string, unknown>[] }).Statement;
        expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
        expect(statements.filter((s) => s['Effect'] === 'Allow' && s['Principal'] === '*')).toEqual([]);
      }
    }
  });

  it('keeps recordings on a retention rule and uploads versioned', () => {
    templates.data.hasResourceProperties('AWS::S3::Bucket', {
      BucketName: Match.stringLikeRegexp(`^confer-${stage}-recordings-`),
      LifecycleConfiguration: { Rules: Match.arrayWith([Match.objectLike({ ExpirationInDays: config.storage.recordingRetentionDays, Status: 'Enabled' })]) },
    });
    templates.data.hasResourceProperties('AWS::S3::Bucket', {
      BucketName: Match.stringLikeRegexp(`^confer-${stage}-uploads-`),
      VersioningConfiguration: { Status: 'Enabled' },
    });
  });

  it('routes /api/<service> and /api/<service>/* of all five services to their target groups', () => {
    const rules = templates.services.findResources('AWS::ElasticLoadBalancingV2::ListenerRule') as Resources;
    const routed = Object.values(rules).map((rule) => (rule.Properties['Conditions'] as { PathPatternConfig: { Values: string[] } }[])[0].PathPatternConfig.Values);
    expect(routed.sort()).toEqual(SERVICE_NAMES.map((name) => [`/api/${name}`, `/api/${name}/*`]).sort());
  });

  it('answers /api/*/metrics with a fixed 404 before any service rule', () => {
    templates.edge.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
      Priority: 1,
      Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/api/*/metrics', '/api/*/metrics/*'] } }],
      Actions: [Match.objectLike({ Type: 'fixed-response', FixedResponseConfig: Match.objectLike({ StatusCode: '404' }) })],
    });
  });

  it('health-checks every service at the ALB and in the container', () => {
    for (const name of SERVICE_NAMES) {
      templates.services.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', {
        HealthCheckPath: `/api/${name}/health`,
        Port: DEFAULT_SERVICE_PORTS[name],
        TargetType: 'ip',
      });
      templates.services.hasResourceProperties('AWS::ECS::TaskDefinition', {
        ContainerDefinitions: [
          Match.objectLike({
            Name: name,
            HealthCheck: Match.objectLike({ Command: Match.arrayWith([`http://127.0.0.1:${DEFAULT_SERVICE_PORTS[name]}/api/${name}/health/live`]) }),
            // The client's address is the one before CloudFront's and the load balancer's hops.
            Environment: Match.arrayWith([
              { Name: 'HOST', Value: '0.0.0.0' },
              { Name: 'PORT', Value: String(DEFAULT_SERVICE_PORTS[name]) },
              { Name: 'TRUSTED_PROXY_HOPS', Value: '2' },
            ]),
            Secrets: Match.arrayWith([Match.objectLike({ Name: 'DATABASE_URL' }), Match.objectLike({ Name: 'REDIS_URL' })]),
          }),
        ],
      });
    }
    templates.services.resourcePropertiesCountIs('AWS::ECS::Service', { DeploymentConfiguration: Match.objectLike({ DeploymentCircuitBreaker: { Enable: true, Rollback: true } }) }, 5);
  });

  it('tells identity (avatars) and chat (shared files) where uploads go, and gives them no S3 keys (the task role signs)', () => {
    const containers = Object.values(templates.services.findResources('AWS::ECS::TaskDefinition') as Resources).flatMap(
      (t) => t.Properties['ContainerDefinitions'] as { Name: string; Environment?: { Name: string }[]; Secrets?: { Name: string }[] }[],
    );
    for (const service of ['identity', 'chat']) {
      const container = containers.find((c) => c.Name === service);
      const names = [...(container?.Environment ?? []), ...(container?.Secrets ?? [])].map((v) => v.Name);
      expect(names).toEqual(expect.arrayContaining(['S3_REGION', 'S3_BUCKET_UPLOADS']));
      expect(names.filter((n) => n.startsWith('S3_ACCESS') || n.startsWith('S3_SECRET'))).toEqual([]);
    }
  });

  it(`scales each service within its ${stage} bounds`, () => {
    const targets = Object.values(templates.services.findResources('AWS::ApplicationAutoScaling::ScalableTarget') as Resources);
    const bounds = targets.map((t) => [t.Properties['MinCapacity'], t.Properties['MaxCapacity']]).sort();
    expect(bounds).toEqual(SERVICE_NAMES.map((name) => [config.services[name].minTasks, config.services[name].maxTasks]).sort());
    expect(bounds.every(([min]) => (stage === 'prod' ? (min as number) >= 2 : min === 1))).toBe(true);
  });

  it('runs Aurora within the stage ACU range, encrypted and private', () => {
    templates.data.hasResourceProperties('AWS::RDS::DBCluster', {
      ServerlessV2ScalingConfiguration: { MinCapacity: config.database.minAcu, MaxCapacity: config.database.maxAcu },
      StorageEncrypted: true,
    });
    const instances = Object.values(templates.data.findResources('AWS::RDS::DBInstance') as Resources);
    expect(instances).toHaveLength(1 + config.database.readers);
    expect(instances.map((i) => i.Properties['PubliclyAccessible'])).toEqual(instances.map(() => false));
  });

  it('runs Redis with TLS, AUTH and at-rest encryption', () => {
    templates.data.hasResourceProperties('AWS::ElastiCache::ReplicationGroup', {
      TransitEncryptionEnabled: true,
      AtRestEncryptionEnabled: true,
      AuthToken: Match.anyValue(),
    });
  });

  it('keeps Aurora and Redis off the internet', () => {
    for (const template of Object.values(templates)) {
      const groups = template.findResources('AWS::EC2::SecurityGroup') as Resources;
      for (const [id, group] of Object.entries(groups)) {
        if (id.startsWith('Alb')) continue; // the public load balancer, by design
        const open = ((group.Properties['SecurityGroupIngress'] as { CidrIp?: string }[] | undefined) ?? []).filter((r) => r.CidrIp === '0.0.0.0/0');
        expect({ id, open }).toEqual({ id, open: [] });
      }
      const ingress = Object.values(template.findResources('AWS::EC2::SecurityGroupIngress') as Resources);
      expect(ingress.filter((r) => r.Properties['CidrIp'] === '0.0.0.0/0')).toEqual([]);
    }
    // Data subnets have no route to an internet or NAT gateway.
    const dataSubnets = templates.network.findResources('AWS::EC2::Subnet', { Properties: { Tags: Match.arrayWith([{ Key: 'aws-cdk:subnet-name', Value: 'data' }]) } });
    expect(Object.keys(dataSubnets)).toHaveLength(config.network.azLetters.length);
    templates.data.hasResourceProperties('AWS::RDS::DBSubnetGroup', { SubnetIds: Match.anyValue() });
  });

  it('gives no task role a "*" action or a "*" resource, and S3 writes only where needed', () => {
    const policies = Object.values(templates.services.findResources('AWS::IAM::Policy') as Resources);
    const taskPolicies = policies.filter((p) => JSON.stringify(p.Properties['Roles']).includes('TaskRole'));
    expect(taskPolicies.length).toBeGreaterThan(0);
    const statements = taskPolicies.flatMap((p) => (p.Properties['PolicyDocument'] as { Statement: { Action: string | string[]; Resource: unknown }[] }).Statement);
    for (const s of statements) {
      expect([s.Action].flat()).not.toContain('*');
      expect([s.Action].flat().some((a) => a.endsWith(':*'))).toBe(false);
      expect([s.Resource].flat()).not.toContain('*');
    }
    const writers = taskPolicies
      .filter((p) => JSON.stringify(p.Properties['PolicyDocument']).includes('s3:PutObject'))
      .map((p) => JSON.stringify(p.Properties['Roles']).match(/(Identity|Recording|Meetings|Chat|Analytics)Service/)?.[1]);
    expect(writers.sort()).toEqual(['Chat', 'Identity', 'Recording']);
  });

  it('forwards /api/* from CloudFront to the ALB uncached, with every method', () => {
    templates.edge.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        CacheBehaviors: [
          Match.objectLike({
            PathPattern: '/api/*',
            AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
            CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', // Managed-CachingDisabled
          }),
        ],
      }),
    });
  });

  it('alarms on ALB 5xx, latency, service CPU, Aurora capacity and Redis memory', () => {
    const metrics = Object.values(templates.observability.findResources('AWS::CloudWatch::Alarm') as Resources).map((a) => a.Properties['MetricName']);
    expect(new Set(metrics)).toEqual(new Set(['HTTPCode_ELB_5XX_Count', 'HTTPCode_Target_5XX_Count', 'TargetResponseTime', 'CPUUtilization', 'ACUUtilization', 'DatabaseMemoryUsagePercentage']));
    expect(metrics.filter((m) => m === 'CPUUtilization')).toHaveLength(5);
  });
});
