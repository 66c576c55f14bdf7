import { Global, Inject, Module, Optional, type DynamicModule, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthRpc, revocationChannel, type JwkSet, type RevocationSnapshot } from '@confer/shared/contracts';
import { RedisConnections, RpcClient } from '@confer/shared/server/events';
import { AUTH_SETTINGS, authSettings, type AuthLogger, type AuthSettings } from './auth-settings';
import { JwtAuthGuard } from './guard/jwt-auth.guard';
import { JwtStrategy } from './guard/jwt.strategy';
import { JwksKeyStore, type JwksKeyStoreOptions, type KeysLoader } from './keys/jwks-key-store';
import { RevocationListener, type SnapshotLoader } from './revocation/revocation-listener';
import { RevocationRegistry } from './revocation/revocation-registry';
import { AccessTokenVerifier } from './tokens/access-token-verifier';

/** What AuthModule needs of the service; the platform's ServiceContext has it. */
export interface AuthServiceContext {
  service: string;
  config: { REDIS_URL: string; EVENTS_PREFIX: string; AUTH_ISSUER?: string };
  logger: AuthLogger;
}

export interface AuthModuleOptions {
  /** Expected `iss`; default the service's AUTH_ISSUER, else ACCESS_TOKEN.issuer. */
  issuer?: string;
  /** Default: `rpc.call(AuthRpc.jwks, {})` (identity passes its own keys). */
  keysLoader?: KeysLoader;
  /** Default: `rpc.call(AuthRpc.revocations, {})`. */
  snapshotLoader?: SnapshotLoader;
  /** Subscribe to revocation broadcasts over Redis; default true. False in unit tests. */
  listenForRevocations?: boolean;
  keys?: Pick<JwksKeyStoreOptions, 'minRefreshIntervalMs' | 'refreshIntervalMs' | 'emptyRetryIntervalMs'>;
}

const REVOCATION_LISTENER = 'CONFER_AUTH_REVOCATION_LISTENER';

/**
 * Access-token authentication for one service: installs JwtAuthGuard as APP_GUARD (secure by
 * default), keeps identity's keys and revocations current, and exports AccessTokenVerifier and
 * RevocationRegistry for websocket gateways. Uses the RpcClient of PlatformModule (EventsModule).
 */
@Global()
@Module({})
export class AuthModule implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    private readonly keys: JwksKeyStore,
    @Optional() @Inject(REVOCATION_LISTENER) private readonly listener: RevocationListener | null,
  ) {}

  static forService(context: AuthServiceContext, options: AuthModuleOptions = {}): DynamicModule {
    const settings = authSettings(options.issuer ?? context.config.AUTH_ISSUER);
    const rpc = { token: RpcClient, optional: true };
    return {
      module: AuthModule,
      providers: [
        { provide: AUTH_SETTINGS, useValue: settings },
        { provide: RevocationRegistry, useFactory: () => new RevocationRegistry({ logger: context.logger }) },
        {
          provide: JwksKeyStore,
          inject: [rpc],
          useFactory: (client?: RpcClient) =>
            new JwksKeyStore(options.keysLoader ?? viaRpc<JwkSet>(client, AuthRpc.jwks, 'keysLoader'), { ...options.keys, logger: context.logger }),
        },
        {
          provide: AccessTokenVerifier,
          inject: [JwksKeyStore, RevocationRegistry, AUTH_SETTINGS],
          useFactory: (keys: JwksKeyStore, registry: RevocationRegistry, value: AuthSettings) => new AccessTokenVerifier(keys, registry, value),
        },
        {
          provide: REVOCATION_LISTENER,
          inject: [RevocationRegistry, rpc],
          useFactory: (registry: RevocationRegistry, client?: RpcClient) => {
            if (options.listenForRevocations === false) return null;
            const loader = options.snapshotLoader ?? viaRpc<RevocationSnapshot>(client, AuthRpc.revocations, 'snapshotLoader');
            const connection = new RedisConnections(context.config.REDIS_URL, context.service).create('auth-revocations', { autoResubscribe: false });
            return new RevocationListener(connection, revocationChannel(context.config.EVENTS_PREFIX), registry, loader, context.logger);
          },
        },
        JwtStrategy,
        { provide: APP_GUARD, useClass: JwtAuthGuard },
      ],
      exports: [AUTH_SETTINGS, AccessTokenVerifier, RevocationRegistry, JwksKeyStore],
    };
  }

  onApplicationBootstrap(): void {
    this.keys.start();
    this.listener?.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.keys.stop();
    await this.listener?.close();
  }
}

function viaRpc<T>(client: RpcClient | undefined, pattern: string, option: keyof AuthModuleOptions): () => Promise<T> {
  if (!client) throw new Error(`AuthModule needs the RpcClient of PlatformModule, or the ${option} option`);
  return () => client.call<T>(pattern, {});
}
