import { s3ClientConfig } from './object-bucket';
import type { S3Settings } from './s3-env';

const settings: S3Settings = {
  S3_ENDPOINT: 'http://127.0.0.1:7070',
  S3_REGION: 'eu-west-1',
  S3_ACCESS_KEY_ID: undefined,
  S3_SECRET_ACCESS_KEY: undefined,
  S3_BUCKET_UPLOADS: 'uploads',
  S3_FORCE_PATH_STYLE: true,
};

describe('s3ClientConfig', () => {
  it('uses the SDK’s credential chain without a key pair, and the pair when both halves are given', () => {
    expect(s3ClientConfig(settings)).toMatchObject({ region: 'eu-west-1', endpoint: 'http://127.0.0.1:7070', forcePathStyle: true, credentials: undefined });
    expect(s3ClientConfig({ ...settings, S3_ACCESS_KEY_ID: 'id', S3_SECRET_ACCESS_KEY: 'secret' }).credentials).toEqual({ accessKeyId: 'id', secretAccessKey: 'secret' });
  });

  it('refuses half a key pair at start', () => {
    expect(() => s3ClientConfig({ ...settings, S3_ACCESS_KEY_ID: 'id' })).toThrow('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together');
    expect(() => s3ClientConfig({ ...settings, S3_SECRET_ACCESS_KEY: 'secret' })).toThrow('go together');
  });

  it('gives a streamed upload the request timeout it asks for', () => {
    expect(s3ClientConfig(settings).requestHandler).toEqual({ connectionTimeout: 3000, requestTimeout: 15_000 });
    expect(s3ClientConfig(settings, 60_000).requestHandler).toEqual({ connectionTimeout: 3000, requestTimeout: 60_000 });
  });
});
