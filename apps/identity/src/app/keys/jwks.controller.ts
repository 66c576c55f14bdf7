import { Controller, Get, Header } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { ApiTags } from '@nestjs/swagger';
import { AuthRpc, JWKS_PATH, type JwkSet, type RevocationSnapshot } from '@confer/shared/contracts';
import { Public } from '@confer/shared/server/auth';
import { SessionService } from '../sessions/session.service';
import { SigningKeysService } from './signing-keys.service';

/** The public keys of access tokens: over HTTP for anyone, over the bus for the other services' guards. */
@ApiTags('keys')
@Controller()
export class JwksController {
  constructor(private readonly keys: SigningKeysService, private readonly sessions: SessionService) {}

  @Public()
  @Get(JWKS_PATH)
  @Header('cache-control', 'public, max-age=300')
  jwks(): JwkSet {
    return this.keys.publicKeys();
  }

  @MessagePattern(AuthRpc.jwks)
  jwksRpc(): JwkSet {
    return this.keys.publicKeys();
  }

  @MessagePattern(AuthRpc.revocations)
  revocationsRpc(): Promise<RevocationSnapshot> {
    return this.sessions.snapshot();
  }
}
