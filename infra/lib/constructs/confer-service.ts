import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Platform } from 'aws-cdk-lib/aws-ecr-assets';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { apiBase, type ServiceName } from '@confer/shared/contracts';
import type { ServiceSizing } from '../config';
import { REPO_ROOT } from '../paths';

/**
 * Not part of the image's build context: packages and build output are made inside the image, and
 * infra/ is excluded so an infrastructure change does not rebuild every service image. Mirrors
 * docker/confer.Dockerfile.dockerignore; it also keeps fingerprinting at synthesis fast.
 */
export const IMAGE_CONTEXT_EXCLUDE = [
  '**/node_modules', 'dist', 'tmp', 'coverage', '.nx', '.angular', '.confer', '.git', '.vscode', '.ci',
  'infra', '**/cdk.out', '**/.env', '**/.env.*', '**/*.log',
];

export interface ConferServiceProps {
  readonly name: ServiceName;
  readonly port: number;
  readonly cluster: ecs.ICluster;
  readonly sizing: ServiceSizing;
  readonly listener: elbv2.IApplicationListener;
  readonly priority: number;
  readonly environment: Record<string, string>;
  readonly secrets: Record<string, ecs.Secret>;
  readonly logRetentionDays: number;
  /** Tests pass a registry image; synthesis of the app always fingerprints the real Dockerfile. */
  readonly image?: ecs.ContainerImage;
}

/** One NestJS service on Fargate behind the ALB at /api/<name>, with health checks, autoscaling and rollback. */
export class ConferService extends Construct {
  readonly service: ecs.FargateService;
  readonly targetGroup: elbv2.ApplicationTargetGroup;
  readonly taskRole: iam.IRole;
  readonly executionRole: iam.IRole;

  constructor(scope: Construct, id: string, props: ConferServiceProps) {
    super(scope, id);
    const { name, port, sizing } = props;
    const base = apiBase(name);

    const task = new ecs.FargateTaskDefinition(this, 'Task', {
      cpu: sizing.cpu,
      memoryLimitMiB: sizing.memoryMiB,
      runtimePlatform: { cpuArchitecture: ecs.CpuArchitecture.X86_64, operatingSystemFamily: ecs.OperatingSystemFamily.LINUX },
    });
    this.taskRole = task.taskRole;
    const logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetentionDays as logs.RetentionDays,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    task.addContainer('app', {
      containerName: name,
      image: props.image ?? conferImage(name),
      portMappings: [{ containerPort: port, name: 'http' }],
      environment: props.environment,
      secrets: props.secrets,
      logging: ecs.LogDrivers.awsLogs({ logGroup, streamPrefix: name }),
      readonlyRootFilesystem: false,
      healthCheck: {
        command: ['CMD', 'node', '/opt/confer/healthcheck.cjs', `http://127.0.0.1:${port}${base}/health/live`],
        interval: Duration.seconds(15),
        timeout: Duration.seconds(5),
        retries: 3,
        // Migrations run at start, under an advisory lock; give them time.
        startPeriod: Duration.seconds(90),
      },
    });

    this.executionRole = task.obtainExecutionRole();

    this.service = new ecs.FargateService(this, 'Service', {
      cluster: props.cluster,
      serviceName: name,
      taskDefinition: task,
      desiredCount: sizing.minTasks,
      minHealthyPercent: 100,
      maxHealthyPercent: 200,
      circuitBreaker: { enable: true, rollback: true },
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      assignPublicIp: false,
      healthCheckGracePeriod: Duration.seconds(120),
      enableExecuteCommand: false,
    });

    this.targetGroup = new elbv2.ApplicationTargetGroup(this, 'Target', {
      vpc: props.cluster.vpc,
      port,
      protocol: elbv2.ApplicationProtocol.HTTP,
      targetType: elbv2.TargetType.IP,
      targets: [this.service],
      deregistrationDelay: Duration.seconds(30),
      healthCheck: { path: `${base}/health`, healthyHttpCodes: '200', interval: Duration.seconds(15), healthyThresholdCount: 2 },
    });
    new elbv2.ApplicationListenerRule(this, 'Route', {
      listener: props.listener,
      priority: props.priority,
      conditions: [elbv2.ListenerCondition.pathPatterns([base, `${base}/*`])],
      action: elbv2.ListenerAction.forward([this.targetGroup]),
    });

    const scaling = this.service.autoScaleTaskCount({ minCapacity: sizing.minTasks, maxCapacity: sizing.maxTasks });
    scaling.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60, scaleOutCooldown: Duration.seconds(60), scaleInCooldown: Duration.seconds(300) });
  }
}

function conferImage(name: ServiceName): ecs.ContainerImage {
  return ecs.ContainerImage.fromAsset(REPO_ROOT, {
    file: 'docker/confer.Dockerfile',
    target: 'service',
    buildArgs: { SERVICE: name },
    exclude: IMAGE_CONTEXT_EXCLUDE,
    platform: Platform.LINUX_AMD64,
  });
}
