import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { DEFAULT_SERVICE_PORTS, SERVICE_NAMES, type ServiceName } from '@confer/shared/contracts';
import { startLiveKit, type LiveKitHandle } from './livekit';
import { startMailpit, type MailpitHandle } from './mailpit';
import { freeTcpPort, freeUdpPort } from './ports';
import { httpAnswers, spawnManaged, waitUntil, type ManagedProcess } from './process';
import { startS3, type S3Handle } from './s3';
import { startService, type ServiceHandle } from './services';
import { workspaceRoot } from './workspace';

export interface PlatformPorts {
  edge: number;
  services: Record<ServiceName, number>;
  livekit: number;
  livekitUdp: number;
  s3: number;
  smtp: number;
  mailpit: number;
}

export interface PlatformSecrets {
  livekitApiKey: string;
  livekitApiSecret: string;
  s3AccessKeyId: string;
  s3SecretAccessKey: string;
  /** 32 random bytes, base64: seals identity's TOTP secrets and signing keys. */
  identitySecretKey: string;
}

export interface PlatformOptions {
  /** Folder for logs and companion data. */
  dir: string;
  databaseUrl: string;
  redisUrl: string;
  ports: PlatformPorts;
  secrets: PlatformSecrets;
  /** Which services to run; all five by default. */
  services?: readonly ServiceName[];
  companions?: { livekit?: boolean; s3?: boolean; mail?: boolean };
  logLevel?: string;
  /** More variables for a service (e.g. a test's lower limit), over what serviceEnvironment gives it. */
  settings?: Partial<Record<ServiceName, NodeJS.ProcessEnv>>;
}

export interface Platform {
  origin: string;
  livekit?: LiveKitHandle;
  s3?: S3Handle;
  mail?: MailpitHandle;
  services: ServiceHandle[];
  edge: ManagedProcess;
  /** Every process started, in start order. */
  processes: ManagedProcess[];
  /**
   * Starts one more instance of a service, on a free port, with the same environment (scale-out
   * tests: two chat instances on one Redis). The edge keeps sending to the first; `stop` stops it too.
   */
  startInstance(name: ServiceName): Promise<ServiceHandle>;
  stop(): Promise<void>;
}

/** Fresh random secrets for a test run or benchmark (npm start keeps its own in .confer/secrets.json). */
export function ephemeralSecrets(): PlatformSecrets {
  return {
    livekitApiKey: `test-${randomBytes(4).toString('hex')}`,
    livekitApiSecret: randomBytes(32).toString('hex'),
    s3AccessKeyId: `test-${randomBytes(4).toString('hex')}`,
    s3SecretAccessKey: randomBytes(24).toString('hex'),
    identitySecretKey: randomBytes(32).toString('base64'),
  };
}

/** The defaults of `npm start`: the ports in README.md, each overridable by its variable. */
export function defaultPorts(env: NodeJS.ProcessEnv = process.env): PlatformPorts {
  const port = (name: string, fallback: number) => Number(env[name] ?? fallback);
  return {
    edge: port('CONFER_PORT', 8080),
    services: Object.fromEntries(
      SERVICE_NAMES.map((s) => [s, port(`${s.toUpperCase()}_PORT`, DEFAULT_SERVICE_PORTS[s])]),
    ) as Record<ServiceName, number>,
    livekit: port('LIVEKIT_PORT', 7880),
    livekitUdp: port('LIVEKIT_UDP_PORT', 7882),
    s3: port('S3_PORT', 7070),
    smtp: port('SMTP_PORT', 1025),
    mailpit: port('MAILPIT_PORT', 8025),
  };
}

/** Free loopback ports for a test run or benchmark, so runs never collide. */
export async function freePorts(): Promise<PlatformPorts> {
  const services = {} as Record<ServiceName, number>;
  for (const s of SERVICE_NAMES) services[s] = await freeTcpPort();
  return {
    edge: await freeTcpPort(),
    services,
    livekit: await freeTcpPort(),
    livekitUdp: await freeUdpPort(),
    s3: await freeTcpPort(),
    smtp: await freeTcpPort(),
    mailpit: await freeTcpPort(),
  };
}

/** The environment each service reads (see README.md, "Configuration"). */
export function serviceEnvironment(
  service: ServiceName,
  options: Pick<PlatformOptions, 'databaseUrl' | 'redisUrl' | 'ports' | 'secrets' | 'logLevel' | 'settings'>,
): NodeJS.ProcessEnv {
  return { ...defaultEnvironment(service, options), ...options.settings?.[service] };
}

function defaultEnvironment(service: ServiceName, options: Pick<PlatformOptions, 'databaseUrl' | 'redisUrl' | 'ports' | 'secrets' | 'logLevel'>): NodeJS.ProcessEnv {
  const { ports, secrets } = options;
  const common: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    NODE_ENV: 'development',
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    LOG_LEVEL: options.logLevel ?? 'info',
  };
  // versitygw: identity keeps avatars in the uploads bucket, chat the files shared in chat, recording
  // reads uploads and writes recordings.
  const s3: NodeJS.ProcessEnv = {
    S3_ENDPOINT: `http://127.0.0.1:${ports.s3}`,
    S3_REGION: 'us-east-1',
    S3_ACCESS_KEY_ID: secrets.s3AccessKeyId,
    S3_SECRET_ACCESS_KEY: secrets.s3SecretAccessKey,
    S3_BUCKET_UPLOADS: 'confer-uploads',
    S3_FORCE_PATH_STYLE: 'true',
  };
  switch (service) {
    case 'meetings':
      return {
        ...common,
        LIVEKIT_URL: `ws://127.0.0.1:${ports.livekit}`,
        LIVEKIT_PUBLIC_URL: `ws://127.0.0.1:${ports.livekit}`,
        LIVEKIT_API_KEY: secrets.livekitApiKey,
        LIVEKIT_API_SECRET: secrets.livekitApiSecret,
        SMTP_URL: `smtp://127.0.0.1:${ports.smtp}`,
        MAIL_FROM: 'Confer <no-reply@confer.local>',
        PUBLIC_ORIGIN: `http://127.0.0.1:${ports.edge}`,
      };
    case 'identity':
      return {
        ...common,
        SMTP_URL: `smtp://127.0.0.1:${ports.smtp}`,
        MAIL_FROM: 'Confer <no-reply@confer.local>',
        PUBLIC_ORIGIN: `http://127.0.0.1:${ports.edge}`,
        IDENTITY_SECRET_KEY: secrets.identitySecretKey,
        ...s3,
      };
    case 'recording':
      return { ...common, ...s3, S3_BUCKET_RECORDINGS: 'confer-recordings' };
    case 'chat':
      return { ...common, ...s3, PUBLIC_ORIGIN: `http://127.0.0.1:${ports.edge}` };
    default:
      return common;
  }
}

/**
 * Brings up the whole platform from built artifacts: companions, the services (dist/apps/<name>),
 * and the edge serving dist/apps/web/browser on one origin. Stops everything it started if any
 * part fails to come up.
 */
export async function startPlatform(options: PlatformOptions): Promise<Platform> {
  const { ports, secrets, dir } = options;
  const companions = { livekit: true, s3: true, mail: true, ...options.companions };
  const started: { stop(): Promise<void> }[] = [];
  const processes: ManagedProcess[] = [];
  const track = (handle: { stop(): Promise<void>; process: ManagedProcess } | undefined) => {
    if (!handle) return;
    started.push(handle);
    processes.push(handle.process);
  };
  const stopAll = async () => {
    for (const handle of started.reverse()) await handle.stop().catch(() => undefined);
  };
  try {
    const livekit = companions.livekit
      ? await startLiveKit({
          dir: join(dir, 'livekit'),
          port: ports.livekit,
          udpPort: ports.livekitUdp,
          apiKey: secrets.livekitApiKey,
          apiSecret: secrets.livekitApiSecret,
          webhookUrl: `http://127.0.0.1:${ports.services.meetings}/api/meetings/livekit/webhook`,
        })
      : undefined;
    track(livekit);
    const s3 = companions.s3
      ? await startS3({ dir: join(dir, 's3'), port: ports.s3, accessKeyId: secrets.s3AccessKeyId, secretAccessKey: secrets.s3SecretAccessKey })
      : undefined;
    track(s3);
    const mail = companions.mail ? await startMailpit({ dir: join(dir, 'mailpit'), smtpPort: ports.smtp, httpPort: ports.mailpit }) : undefined;
    track(mail);

    const services: ServiceHandle[] = [];
    // One at a time: on two cores, five Node processes booting at once each take longer than in turn.
    for (const name of options.services ?? SERVICE_NAMES) {
      const handle = await startService(name, ports.services[name], serviceEnvironment(name, options), join(dir, 'logs'));
      services.push(handle);
      track(handle);
    }

    const root = workspaceRoot();
    const edge = spawnManaged('edge', process.execPath, [join(root, 'dist', 'apps', 'edge', 'main.js')], {
      cwd: root,
      logFile: join(dir, 'logs', 'edge.log'),
      env: {
        PATH: process.env['PATH'],
        EDGE_HOST: '127.0.0.1',
        EDGE_PORT: String(ports.edge),
        WEB_ROOT: join(root, 'dist', 'apps', 'web', 'browser'),
        LOG_LEVEL: options.logLevel ?? 'info',
        ...Object.fromEntries(
          SERVICE_NAMES.map((s) => [`${s.toUpperCase()}_URL`, `http://127.0.0.1:${ports.services[s]}`]),
        ),
      },
    });
    started.push(edge);
    processes.push(edge);
    const origin = `http://127.0.0.1:${ports.edge}`;
    await waitUntil(`edge on ${ports.edge}`, () => httpAnswers(`${origin}/healthz`, (s) => s === 200), { process: edge });
    let instances = 1;
    const startInstance = async (name: ServiceName): Promise<ServiceHandle> => {
      instances += 1;
      const handle = await startService(name, await freeTcpPort(), serviceEnvironment(name, options), join(dir, 'logs'), `${name}-${instances}`);
      track(handle);
      return handle;
    };
    return { origin, livekit, s3, mail, services, edge, processes, startInstance, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
