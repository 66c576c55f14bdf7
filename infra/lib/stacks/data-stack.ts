import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config';
import { ConnectionSecret } from '../constructs/connection-secret';
import { waive, waiveCdkHelpers } from '../constructs/nag';
import { RedisCluster } from '../constructs/redis-cluster';
import { SecureBucket } from '../constructs/secure-bucket';

export interface DataStackProps extends StackProps {
  readonly config: StageConfig;
  readonly vpc: ec2.IVpc;
}

/** Globally unique name of a data bucket: confer-<stage>-<purpose>-<account>-<region>. */
export function bucketName(config: StageConfig, purpose: 'recordings' | 'uploads'): string {
  return `confer-${config.stage}-${purpose}-${config.account}-${config.region}`;
}

/** Characters a generated password may not contain, so it can stand unescaped in a URL. */
const NOT_URL_SAFE = ` "%+~\`#$&*()|[]{}:;<>?!'/@\\^=,.`;

/** Everything stateful: Aurora, Redis, the buckets and the application secrets. Deployed apart from services. */
export class DataStack extends Stack {
  readonly database: rds.DatabaseCluster;
  readonly redis: RedisCluster;
  readonly recordings: s3.Bucket;
  readonly uploads: s3.Bucket;
  readonly databaseUrl: secretsmanager.ISecret;
  readonly redisUrl: secretsmanager.ISecret;
  /** JSON { apiKey, apiSecret } of the LiveKit deployment; set by an operator (see infra/README.md). */
  readonly livekit: secretsmanager.ISecret;
  /** JSON { url } for SMTP_URL; set by an operator. */
  readonly smtp: secretsmanager.ISecret;
  readonly identityKey: secretsmanager.ISecret;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    const { config, vpc } = props;
    const prefix = `confer/${config.stage}`;

    const accessLogs = new SecureBucket(this, 'AccessLogs', {
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(90) }],
    }).bucket;
    waive(accessLogs, [{ id: 'AwsSolutions-S1', reason: 'This is the access-log bucket; logging it into itself would loop.' }]);

    // Named, so task policies (Services stack) name them literally: see bucketName().
    this.recordings = new SecureBucket(this, 'Recordings', {
      bucketName: bucketName(config, 'recordings'),
      accessLogs,
      // Write-once objects: versioning would only double storage. Retention is the expiry rule.
      lifecycleRules: [{ id: 'retention', expiration: Duration.days(config.storage.recordingRetentionDays) }],
    }).bucket;
    this.uploads = new SecureBucket(this, 'Uploads', {
      bucketName: bucketName(config, 'uploads'),
      accessLogs,
      // Avatars are overwritten in place: versioning lets an operator undo a bad overwrite or delete.
      versioned: true,
      lifecycleRules: [{ id: 'old-versions', noncurrentVersionExpiration: Duration.days(config.storage.uploadsNoncurrentDays) }],
    }).bucket;

    this.database = this.createDatabase(config, vpc);
    this.redis = new RedisCluster(this, 'Redis', { vpc, nodeType: config.redis.nodeType, replicas: config.redis.replicas, secretName: `${prefix}/redis-auth` });

    const dbSecret = this.database.secret;
    if (!dbSecret) throw new Error('the Aurora cluster has no generated secret');
    const { hostname, port } = this.database.clusterEndpoint;
    this.databaseUrl = new ConnectionSecret(this, 'DatabaseUrl', {
      secretName: `${prefix}/database-url`,
      description: 'DATABASE_URL of every Confer service (composed from the Aurora secret at deploy time)',
      url: `postgres://${dbSecret.secretValueFromJson('username').unsafeUnwrap()}:${dbSecret.secretValueFromJson('password').unsafeUnwrap()}@${hostname}:${port}/confer`,
    }).secret;
    this.redisUrl = new ConnectionSecret(this, 'RedisUrl', {
      secretName: `${prefix}/redis-url`,
      description: 'REDIS_URL of every Confer service (TLS, AUTH token; composed at deploy time)',
      url: `rediss://:${this.redis.authToken.secretValue.unsafeUnwrap()}@${this.redis.host}:${this.redis.port}`,
    }).secret;

    this.livekit = new secretsmanager.Secret(this, 'LiveKit', {
      secretName: `${prefix}/livekit`,
      description: 'LiveKit API key and secret: { "apiKey": "...", "apiSecret": "..." } (replace the generated values with your deployment\'s)',
      generateSecretString: { secretStringTemplate: JSON.stringify({ apiKey: 'replace-me' }), generateStringKey: 'apiSecret', passwordLength: 48, excludePunctuation: true },
    });
    this.smtp = new secretsmanager.Secret(this, 'Smtp', {
      secretName: `${prefix}/smtp`,
      description: 'SMTP_URL of identity and meetings: { "url": "smtps://user:pass@host:465" }',
      generateSecretString: { secretStringTemplate: JSON.stringify({ url: 'smtp://replace-me.invalid:587' }), generateStringKey: 'unused' },
    });
    // 64 hex digits = 32 random bytes: identity's IDENTITY_SECRET_KEY (seals TOTP secrets and signing keys).
    this.identityKey = new secretsmanager.Secret(this, 'IdentityKey', {
      secretName: `${prefix}/identity-key`,
      description: 'IDENTITY_SECRET_KEY of identity: 32 random bytes as hex. Never rotate it in place: it unseals stored secrets.',
      generateSecretString: {
        passwordLength: 64,
        excludeUppercase: true,
        excludePunctuation: true,
        includeSpace: false,
        excludeCharacters: 'ghijklmnopqrstuvwxyz',
      },
    });
    waive(this.redis, [
      { id: 'AwsSolutions-AEC5', reason: 'Default port 6379 is only reachable from the service security groups inside the VPC.' },
      ...(config.redis.replicas > 0 ? [] : [{ id: 'AwsSolutions-AEC4', reason: `Stage ${config.stage} runs one Redis node; prod has replicas and Multi-AZ (validated).` }]),
    ]);
    waiveCdkHelpers(this);
    waive(this, [
      { id: 'AwsSolutions-SMG4', reason: 'Rotation would desynchronise the composed DATABASE_URL/REDIS_URL secrets; credentials are rotated by redeploying (infra/README.md). LiveKit and SMTP secrets are owned by their providers; the identity key seals stored data and cannot be rotated in place.' },
    ]);
  }

  private createDatabase(config: StageConfig, vpc: ec2.IVpc): rds.DatabaseCluster {
    const db = config.database;
    const cluster = new rds.DatabaseCluster(this, 'Database', {
      engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_16_6 }),
      credentials: rds.Credentials.fromGeneratedSecret('confer', {
        secretName: `confer/${config.stage}/database`,
        excludeCharacters: NOT_URL_SAFE,
      }),
      defaultDatabaseName: 'confer',
      serverlessV2MinCapacity: db.minAcu,
      serverlessV2MaxCapacity: db.maxAcu,
      writer: rds.ClusterInstance.serverlessV2('writer', { publiclyAccessible: false }),
      readers: Array.from({ length: db.readers }, (_, i) =>
        rds.ClusterInstance.serverlessV2(`reader${i + 1}`, { publiclyAccessible: false, scaleWithWriter: true }),
      ),
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      storageEncrypted: true,
      iamAuthentication: false,
      backup: { retention: Duration.days(db.backupRetentionDays) },
      deletionProtection: db.deletionProtection,
      cloudwatchLogsExports: ['postgresql'],
      cloudwatchLogsRetention: config.logRetentionDays as logs.RetentionDays,
      removalPolicy: RemovalPolicy.SNAPSHOT,
    });
    waive(cluster, [
      { id: 'AwsSolutions-RDS6', reason: 'Services authenticate with the generated password from Secrets Manager; IAM auth tokens would need code in every service.' },
      { id: 'AwsSolutions-RDS11', reason: 'Default port 5432 is only reachable from the service security groups inside the VPC.' },
      ...(db.deletionProtection ? [] : [{ id: 'AwsSolutions-RDS10', reason: `Stage ${config.stage} is disposable; prod enables deletion protection (validated).` }]),
    ]);
    return cluster;
  }
}
