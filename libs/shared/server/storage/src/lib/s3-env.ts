import { env, type ConfigOf } from '@confer/shared/server/config';

/** The S3 variables of a service that keeps objects, spread into its environment schema. */
export const s3Env = {
  /** Without an endpoint the SDK talks to AWS; set it for versitygw and other S3-compatible servers. */
  S3_ENDPOINT: env.optional(env.url({ protocols: ['http:', 'https:'] })),
  S3_REGION: env.string({ default: 'us-east-1' }),
  /** Both or neither: without them the SDK's default credential chain is used (e.g. the ECS task role). */
  S3_ACCESS_KEY_ID: env.optional(env.string({ secret: true })),
  S3_SECRET_ACCESS_KEY: env.optional(env.string({ secret: true })),
  /** The private bucket of what people upload (avatars, shared files, export archives), each under a prefix of its own. */
  S3_BUCKET_UPLOADS: env.string({ default: 'confer-uploads' }),
  /** Path-style URLs (endpoint/bucket/key), which most S3-compatible servers need. */
  S3_FORCE_PATH_STYLE: env.bool(false),
};

export type S3Settings = ConfigOf<typeof s3Env>;
