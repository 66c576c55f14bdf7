import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface SecureBucketProps {
  readonly bucketName?: string;
  /** Server access logs go here; absent only for the log bucket itself. */
  readonly accessLogs?: s3.IBucket;
  readonly versioned?: boolean;
  readonly lifecycleRules?: s3.LifecycleRule[];
  readonly removalPolicy?: RemovalPolicy;
  readonly objectOwnership?: s3.ObjectOwnership;
}

/** An S3 bucket that is private, encrypted, TLS-only and logged. Every bucket of Confer is one. */
export class SecureBucket extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: SecureBucketProps = {}) {
    super(scope, id);
    this.bucket = new s3.Bucket(this, 'Bucket', {
      bucketName: props.bucketName,
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: props.versioned ?? false,
      objectOwnership: props.objectOwnership ?? s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: props.accessLogs ? `${id.toLowerCase()}/` : undefined,
      lifecycleRules: [{ abortIncompleteMultipartUploadAfter: Duration.days(7) }, ...(props.lifecycleRules ?? [])],
      // Buckets outlive a `cdk destroy`: recordings and uploads are user data.
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
  }
}
