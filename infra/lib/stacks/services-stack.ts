import { Annotations, Aws, Stack, type StackProps } from 'aws-cdk-lib';
import type * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type { Construct } from 'constructs';
import { DEFAULT_SERVICE_PORTS, SERVICE_NAMES, type ServiceName } from '@confer/shared/contracts';
import type { StageConfig } from '../config';
import { ConferService } from '../constructs/confer-service';
import { waive } from '../constructs/nag';
import { bucketName, type DataStack } from './data-stack';

export interface ServicesStackProps extends StackProps {
  readonly config: StageConfig;
  readonly vpc: ec2.IVpc;
  readonly data: DataStack;
  readonly listener: elbv2.IApplicationListener;
  readonly distribution: cloudfront.IDistribution;
  /** Tests replace the Docker image assets with a registry image; the app never does. */
  readonly image?: ecs.ContainerImage;
}

/** Listener rule priority of each service's route (after the metrics 404 at 1). */
export const ROUTE_PRIORITY: Readonly<Record<ServiceName, number>> = { identity: 10, meetings: 20, chat: 30, recording: 40, analytics: 50 };

/** The stateless part: an ECS cluster and one Fargate service per NestJS app. */
export class ServicesStack extends Stack {
  readonly cluster: ecs.Cluster;
  readonly services: Record<ServiceName, ConferService>;

  constructor(scope: Construct, id: string, props: ServicesStackProps) {
    super(scope, id, props);
    const { config, data } = props;
    this.cluster = new ecs.Cluster(this, 'Cluster', { vpc: props.vpc, containerInsightsV2: ecs.ContainerInsights.ENABLED });
    const publicOrigin = config.publicOrigin ?? `https://${props.distribution.distributionDomainName}`;

    const common = (name: ServiceName) => ({
      NODE_ENV: 'production',
      HOST: '0.0.0.0',
      PORT: String(DEFAULT_SERVICE_PORTS[name]),
      DATABASE_SCHEMA: name,
      LOG_LEVEL: config.logLevel,
      // Requests come through CloudFront, then the load balancer: both append to X-Forwarded-For, and the
      // address before them is the client's (per-address rate limits).
      TRUSTED_PROXY_HOPS: '2',
    });
    const commonSecrets = {
      DATABASE_URL: ecs.Secret.fromSecretsManager(data.databaseUrl),
      REDIS_URL: ecs.Secret.fromSecretsManager(data.redisUrl),
    };
    const extra: Record<ServiceName, { environment: Record<string, string>; secrets: Record<string, ecs.Secret> }> = {
      identity: {
        // Avatars go to the uploads bucket; credentials come from the task role (no S3 keys).
        environment: { MAIL_FROM: config.mail.from, PUBLIC_ORIGIN: publicOrigin, S3_REGION: this.region, S3_BUCKET_UPLOADS: data.uploads.bucketName },
        secrets: { SMTP_URL: ecs.Secret.fromSecretsManager(data.smtp, 'url'), IDENTITY_SECRET_KEY: ecs.Secret.fromSecretsManager(data.identityKey) },
      },
      meetings: {
        // Invitations (.ics) use the same SMTP secret and sender as identity's mail.
        environment: { LIVEKIT_URL: config.livekit.url, LIVEKIT_PUBLIC_URL: config.livekit.publicUrl, MAIL_FROM: config.mail.from, PUBLIC_ORIGIN: publicOrigin },
        secrets: {
          SMTP_URL: ecs.Secret.fromSecretsManager(data.smtp, 'url'),
          LIVEKIT_API_KEY: ecs.Secret.fromSecretsManager(data.livekit, 'apiKey'),
          LIVEKIT_API_SECRET: ecs.Secret.fromSecretsManager(data.livekit, 'apiSecret'),
        },
      },
      // The chat socket accepts only connections whose Origin is the public origin. Files shared in
      // chat go to the uploads bucket (under chat/), through chat itself; the task role signs.
      chat: { environment: { PUBLIC_ORIGIN: publicOrigin, S3_REGION: this.region, S3_BUCKET_UPLOADS: data.uploads.bucketName }, secrets: {} },
      recording: {
        environment: { S3_REGION: this.region, S3_BUCKET_RECORDINGS: data.recordings.bucketName, S3_BUCKET_UPLOADS: data.uploads.bucketName },
        secrets: {},
      },
      analytics: { environment: {}, secrets: {} },
    };

    const services = {} as Record<ServiceName, ConferService>;
    for (const name of SERVICE_NAMES) {
      const service = new ConferService(this, `${capitalise(name)}Service`, {
        name,
        port: DEFAULT_SERVICE_PORTS[name],
        cluster: this.cluster,
        sizing: config.services[name],
        listener: props.listener,
        priority: ROUTE_PRIORITY[name],
        environment: { ...common(name), ...extra[name].environment },
        secrets: { ...commonSecrets, ...extra[name].secrets },
        logRetentionDays: config.logRetentionDays,
        image: props.image,
      });
      service.service.connections.allowToDefaultPort(data.database);
      service.service.connections.allowToDefaultPort(data.redis);
      services[name] = service;
    }
    // Least privilege: recording writes recordings and reads uploads; identity (avatars, exports) and
    // chat (shared files) write uploads.
    const recordings = bucketName(config, 'recordings');
    const uploads = bucketName(config, 'uploads');
    allowObjects(services.recording, recordings, ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload']);
    allowObjects(services.recording, uploads, ['s3:GetObject']);
    allowObjects(services.identity, uploads, ['s3:GetObject', 's3:PutObject', 's3:DeleteObject']);
    allowObjects(services.chat, uploads, ['s3:GetObject', 's3:PutObject', 's3:DeleteObject']);
    this.services = services;
    for (const service of Object.values(services)) {
      waive(service.executionRole, [
        { id: 'AwsSolutions-IAM5', reason: 'ecr:GetAuthorizationToken exists only on "*" (added by ECS for image pulls).', findings: ['Resource::*'] },
      ]);
    }
    Annotations.of(this).acknowledgeWarning('@aws-cdk/aws-ec2:ipv4IgnoreEgressRule', 'Task security groups allow all outbound (images, AWS APIs, LiveKit); the explicit egress rules to Aurora/Redis are redundant.');

    waive(this, [
      { id: 'AwsSolutions-ECS2', reason: 'Only non-secret settings are environment variables; credentials come from Secrets Manager.' },
    ]);
  }
}

/**
 * Object actions on one named bucket, plus listing it. The object resource is `<bucket>/*`, which
 * cdk-nag flags as a wildcard; it is waived for exactly that resource and nothing else.
 */
function allowObjects(service: ConferService, bucket: string, actions: string[]): void {
  const arn = `arn:${Aws.PARTITION}:s3:::${bucket}`;
  service.taskRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions, resources: [`${arn}/*`] }));
  service.taskRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [arn] }));
  waive(service.taskRole, [
    { id: 'AwsSolutions-IAM5', reason: `Object-level actions need the object ARN ${bucket}/*; only this bucket.`, findings: [`Resource::arn:<AWS::Partition>:s3:::${bucket}/*`] },
  ]);
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
