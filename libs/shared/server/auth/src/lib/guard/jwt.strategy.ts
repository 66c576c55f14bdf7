import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { KeyObject } from 'node:crypto';
import type { Request } from 'express';
import { ExtractJwt, Strategy, type SecretOrKeyProvider } from 'passport-jwt';
import { ACCESS_TOKEN, type AuthUser } from '@confer/shared/contracts';
import { AUTH_SETTINGS, type AuthSettings } from '../auth-settings';
import { toAuthUser } from '../tokens/access-token-claims';
import { AccessTokenVerifier } from '../tokens/access-token-verifier';

type KeyCallback = (error: unknown, key?: KeyObject) => void;
const fromBearer = ExtractJwt.fromAuthHeaderAsBearerToken();

/**
 * passport-jwt with the key of the token's kid from the JwksKeyStore (a KeyObject imported once,
 * handed to jsonwebtoken as is), RS256 only, issuer and audience pinned. passport-jwt checks signature
 * and expiry; validate() adds the checks AccessTokenVerifier shares: claims, lifetime, revocation.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(private readonly verifier: AccessTokenVerifier, @Inject(AUTH_SETTINGS) settings: AuthSettings) {
    super({
      jwtFromRequest: fromBearer,
      passReqToCallback: true,
      secretOrKeyProvider: keyProvider(verifier),
      algorithms: [ACCESS_TOKEN.algorithm],
      issuer: settings.issuer,
      audience: settings.audience,
      ignoreExpiration: false,
      jsonWebTokenOptions: { clockTolerance: settings.clockToleranceSeconds },
    });
  }

  /**
   * A token this instance verified before skips passport-jwt's signature check (its claims are kept
   * until `exp`, and revocation is checked again here); any other goes through passport-jwt.
   */
  override authenticate(request: Request, options?: object): void {
    const token = fromBearer(request);
    if (token) {
      let known: AuthUser | undefined;
      try {
        const claims = this.verifier.known(token);
        known = claims ? toAuthUser(claims) : undefined;
      } catch (error) {
        return this.fail(error, 401);
      }
      if (known) return this.success(known);
    }
    super.authenticate(request, options);
  }

  validate(request: Request, payload: unknown): AuthUser {
    const token = fromBearer(request);
    return token ? this.verifier.acceptToken(token, payload) : this.verifier.accept(payload);
  }
}

function keyProvider(verifier: AccessTokenVerifier): SecretOrKeyProvider {
  // passport-jwt's types say string | Buffer; jsonwebtoken 9, to which it hands the key, takes a KeyObject.
  return (_request, token: string, done) => provideKey(verifier, token, done as unknown as KeyCallback);
}

function provideKey(verifier: AccessTokenVerifier, token: string, done: KeyCallback): void {
  let key: KeyObject | Promise<KeyObject>;
  try {
    key = verifier.keyFor(token);
  } catch (error) {
    return done(error);
  }
  if (key instanceof KeyObject) return done(null, key);
  key.then(
    (resolved) => done(null, resolved),
    (error: unknown) => done(error),
  );
}
