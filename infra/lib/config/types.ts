import type { ServiceName } from '@confer/shared/contracts';

export const STAGES = ['dev', 'staging', 'prod'] as const;
export type Stage = (typeof STAGES)[number];

/** Size and scaling of one Fargate service. */
export interface ServiceSizing {
  /** Fargate CPU units: 256, 512, 1024, 2048 or 4096. */
  readonly cpu: number;
  /** Memory in MiB, within what Fargate allows for the CPU. */
  readonly memoryMiB: number;
  readonly minTasks: number;
  readonly maxTasks: number;
}

/** Everything that differs between dev, staging and prod. Validated by validateConfig before synthesis. */
export interface StageConfig {
  readonly stage: Stage;
  readonly account: string;
  readonly region: string;
  readonly network: {
    readonly cidr: string;
    /** AZ letters, e.g. ['a', 'b']; explicit so synthesis needs no AWS lookup. */
    readonly azLetters: readonly string[];
    readonly natGateways: number;
    /** ECR, Secrets Manager and CloudWatch Logs interface endpoints (about $7/month per endpoint per AZ). */
    readonly interfaceEndpoints: boolean;
  };
  readonly database: {
    readonly minAcu: number;
    readonly maxAcu: number;
    readonly readers: number;
    readonly backupRetentionDays: number;
    readonly deletionProtection: boolean;
  };
  readonly redis: {
    readonly nodeType: string;
    /** Replicas besides the primary; 0 means one node and no Multi-AZ failover. */
    readonly replicas: number;
  };
  readonly services: Readonly<Record<ServiceName, ServiceSizing>>;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
  /** CloudWatch Logs retention in days; must be a value CloudWatch accepts. */
  readonly logRetentionDays: number;
  readonly edge: {
    /** ACM certificate for the ALB's HTTPS listener (same region as the stack). */
    readonly certificateArn?: string;
    /** Name the certificate covers; CloudFront reaches the ALB by it. A DNS record to the ALB is an operator step. */
    readonly albDomainName?: string;
    /** Dev only: without a certificate, the ALB listens on HTTP and CloudFront reaches it over HTTP. */
    readonly allowHttpOnly: boolean;
  };
  /** Public origin of the web app (PUBLIC_ORIGIN for identity's links); absent: the CloudFront domain. */
  readonly publicOrigin?: string;
  readonly livekit: {
    /** Server-side URL of an existing LiveKit deployment (LIVEKIT_URL). */
    readonly url: string;
    /** Browser-facing URL (LIVEKIT_PUBLIC_URL). */
    readonly publicUrl: string;
  };
  readonly mail: { readonly from: string };
  readonly storage: {
    /** Recordings expire after this many days. */
    readonly recordingRetentionDays: number;
    /** Old versions of uploads (avatars) are kept this long. */
    readonly uploadsNoncurrentDays: number;
  };
  /** Alarm notifications go to this address when set. */
  readonly alarmEmail?: string;
}
