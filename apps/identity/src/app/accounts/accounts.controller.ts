import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AcceptedResponse, Me } from '@confer/identity/contracts';
import type { AuthUser } from '@confer/shared/contracts';
import { CurrentUser, Public } from '@confer/shared/server/auth';
import { DomainError } from '@confer/shared/util';
import type { ClientInfo } from '../sessions/client-info';
import { Client } from '../sessions/client.decorator';
import { ChangePasswordDto, ForgotPasswordDto, RegisterDto, ResetPasswordDto, VerifyEmailDto } from './accounts.dto';
import { toMe } from './me';
import { PasswordService } from './password.service';
import { RegistrationService } from './registration.service';
import { UserRepository } from './user.repository';

@ApiTags('accounts')
@Controller()
export class AccountsController {
  constructor(
    private readonly registration: RegistrationService,
    private readonly passwords: PasswordService,
    private readonly users: UserRepository,
  ) {}

  @Public()
  @Post('auth/register')
  @HttpCode(202)
  register(@Body() body: RegisterDto, @Client() client: ClientInfo): Promise<AcceptedResponse> {
    return this.registration.register(body, client);
  }

  @Public()
  @Post('auth/verify-email')
  @HttpCode(200)
  async verifyEmail(@Body() body: VerifyEmailDto, @Client() client: ClientInfo): Promise<{ status: 'verified' }> {
    await this.registration.verifyEmail(body.token, client);
    return { status: 'verified' };
  }

  @Post('auth/resend-verification')
  @HttpCode(202)
  resend(@CurrentUser() user: AuthUser, @Client() client: ClientInfo): Promise<AcceptedResponse> {
    return this.registration.resendVerification(user.id, client);
  }

  @Public()
  @Post('auth/forgot-password')
  @HttpCode(202)
  forgot(@Body() body: ForgotPasswordDto, @Client() client: ClientInfo): Promise<AcceptedResponse> {
    return this.passwords.forgot(body.email, client);
  }

  @Public()
  @Post('auth/reset-password')
  @HttpCode(204)
  async reset(@Body() body: ResetPasswordDto, @Client() client: ClientInfo): Promise<void> {
    await this.passwords.reset(body.token, body.password, body.code, client);
  }

  @Post('auth/change-password')
  @HttpCode(204)
  async change(@CurrentUser() user: AuthUser, @Body() body: ChangePasswordDto, @Client() client: ClientInfo): Promise<void> {
    await this.passwords.change(user.id, user.sessionId, body.currentPassword, body.newPassword, client);
  }

  @Get('me')
  async me(@CurrentUser() user: AuthUser): Promise<Me> {
    const found = await this.users.findById(user.id);
    if (!found || found.disabledAt) throw new DomainError('UNAUTHENTICATED', 'unauthenticated', 'Sign in again.');
    return toMe(found);
  }
}
