import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from '@confer/shared/server/auth';
import { MAIL_SETTINGS, MailOutbox, MailSender, type MailSettings } from '@confer/shared/server/mail';
import { PlatformModule, type ServiceContext } from '@confer/shared/server/platform';
import { AdminUsersController } from './admin/admin-users.controller';
import { AdminUsersService } from './admin/admin-users.service';
import { AccountsController } from './accounts/accounts.controller';
import { EmailTokenRepository } from './accounts/email-token.repository';
import { PasswordService } from './accounts/password.service';
import { RegistrationService } from './accounts/registration.service';
import { UserRepository } from './accounts/user.repository';
import { AvatarRepository } from './avatars/avatar.repository';
import { AvatarService } from './avatars/avatar.service';
import { AvatarStorage } from './avatars/avatar-storage';
import { AvatarsController } from './avatars/avatars.controller';
import { ContactRepository } from './contacts/contact.repository';
import { ContactsController } from './contacts/contacts.controller';
import { ContactsService } from './contacts/contacts.service';
import { DirectoryController } from './directory/directory.controller';
import { DirectoryRepository } from './directory/directory.repository';
import { DirectoryService } from './directory/directory.service';
import type { IdentityConfig } from './identity.env';
import { IDENTITY_CONFIG } from './identity.tokens';
import { JwksController } from './keys/jwks.controller';
import { SigningKeysRepository } from './keys/signing-keys.repository';
import { SigningKeysService } from './keys/signing-keys.service';
import { MfaController } from './mfa/mfa.controller';
import { MfaService } from './mfa/mfa.service';
import { RecoveryCodeRepository } from './mfa/recovery-code.repository';
import { PasswordHasher } from './passwords/password-hasher';
import { ExportArchives } from './privacy/export-archives';
import { ExportStorage } from './privacy/export-storage';
import { PersonalDataRepository } from './privacy/personal-data.repository';
import { PrivacyController } from './privacy/privacy.controller';
import { PrivacyJobs } from './privacy/privacy-jobs';
import { PrivacyRequestRepository } from './privacy/privacy-request.repository';
import { PrivacyService } from './privacy/privacy.service';
import { IdentityRpcController } from './profile/identity-rpc.controller';
import { ProfileController } from './profile/profile.controller';
import { ProfileRepository } from './profile/profile.repository';
import { ProfileService } from './profile/profile.service';
import { UserContactsRepository } from './profile/user-contacts.repository';
import { SecurityLogController } from './security-log/security-log.controller';
import { SecurityLogService } from './security-log/security-log.service';
import { MfaChallenges } from './sessions/mfa-challenges';
import { RevocationBroadcaster } from './sessions/revocation-broadcaster';
import { SessionRepository } from './sessions/session.repository';
import { SessionService } from './sessions/session.service';
import { SessionsController } from './sessions/sessions.controller';
import { SignInService } from './sessions/sign-in.service';

@Module({})
export class AppModule {
  static register(context: ServiceContext<IdentityConfig>): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [PlatformModule.forService(context), AuthModule.forService(context)],
      controllers: [
        AccountsController,
        SessionsController,
        MfaController,
        JwksController,
        SecurityLogController,
        AdminUsersController,
        ProfileController,
        AvatarsController,
        ContactsController,
        DirectoryController,
        PrivacyController,
        IdentityRpcController,
      ],
      providers: [
        { provide: IDENTITY_CONFIG, useValue: context.config },
        {
          provide: MAIL_SETTINGS,
          useValue: { smtpUrl: context.config.SMTP_URL, from: context.config.MAIL_FROM, pollIntervalMs: context.config.MAIL_POLL_INTERVAL_MS } satisfies MailSettings,
        },
        UserRepository,
        EmailTokenRepository,
        RegistrationService,
        PasswordService,
        PasswordHasher,
        SigningKeysRepository,
        SigningKeysService,
        MailOutbox,
        MailSender,
        MfaService,
        RecoveryCodeRepository,
        SecurityLogService,
        MfaChallenges,
        RevocationBroadcaster,
        SessionRepository,
        SessionService,
        SignInService,
        AdminUsersService,
        ProfileRepository,
        ProfileService,
        UserContactsRepository,
        AvatarRepository,
        AvatarStorage,
        AvatarService,
        ContactRepository,
        ContactsService,
        DirectoryRepository,
        DirectoryService,
        PrivacyRequestRepository,
        PersonalDataRepository,
        ExportStorage,
        ExportArchives,
        PrivacyJobs,
        PrivacyService,
      ],
      exports: [IDENTITY_CONFIG],
    };
  }
}
