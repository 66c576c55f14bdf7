import { IdentityAccounts1764400000000 } from './1764400000000-identity-accounts';
import { IdentityProfiles1764500000000 } from './1764500000000-identity-profiles';
import { IdentityPrivacy1764600000000 } from './1764600000000-identity-privacy';
import { IdentityMailAttachments1764710000000 } from './1764710000000-identity-mail-attachments';

/** The identity schema's migrations, oldest first. The event-bus tables come from the platform. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const identityMigrations: Function[] = [IdentityAccounts1764400000000, IdentityProfiles1764500000000, IdentityPrivacy1764600000000, IdentityMailAttachments1764710000000];
