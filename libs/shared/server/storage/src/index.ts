export * from './lib/s3-env';
export * from './lib/object-bucket';
