import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { MfaEnrollment, MfaRecoveryCodes } from '@confer/identity/contracts';
import type { AuthUser } from '@confer/shared/contracts';
import { CurrentUser } from '@confer/shared/server/auth';
import type { ClientInfo } from '../sessions/client-info';
import { Client } from '../sessions/client.decorator';
import { MfaConfirmDto, MfaDisableDto } from './mfa.dto';
import { MfaService } from './mfa.service';

@ApiTags('mfa')
@Controller('mfa')
export class MfaController {
  constructor(private readonly mfa: MfaService) {}

  /** Starts enrolment: a new secret as an otpauth URI and QR code, not active until confirmed. */
  @Post('enroll')
  @HttpCode(200)
  enroll(@CurrentUser() user: AuthUser): Promise<MfaEnrollment> {
    return this.mfa.enroll(user.id);
  }

  @Post('confirm')
  @HttpCode(200)
  async confirm(@CurrentUser() user: AuthUser, @Body() body: MfaConfirmDto, @Client() client: ClientInfo): Promise<MfaRecoveryCodes> {
    await this.mfa.limitAttempt(user.id, client.ip);
    return this.mfa.confirm(user.id, body.code, client.ip);
  }

  @Post('disable')
  @HttpCode(204)
  async disable(@CurrentUser() user: AuthUser, @Body() body: MfaDisableDto, @Client() client: ClientInfo): Promise<void> {
    await this.mfa.limitAttempt(user.id, client.ip);
    await this.mfa.disable(user.id, body.password, body.code, client.ip);
  }

}
