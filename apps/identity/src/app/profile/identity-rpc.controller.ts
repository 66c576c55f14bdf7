import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  IdentityRpc,
  USERS_BY_IDS_MAX,
  type MeetingDefaults,
  type MeetingDefaultsRequest,
  type UserContact,
  type UsersByIdsRequest,
} from '@confer/identity/contracts';
import type { RpcRequest } from '@confer/shared/contracts';
import { DomainError } from '@confer/shared/util';
import { resolvePreferences } from './preferences';
import { ProfileRepository } from './profile.repository';
import { UserContactsRepository } from './user-contacts.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What other services ask identity about users over the bus (meetings: defaults, invitees, organisers). */
@Controller()
export class IdentityRpcController {
  constructor(
    private readonly profiles: ProfileRepository,
    private readonly contacts: UserContactsRepository,
  ) {}

  /** The user's meeting defaults over DEFAULT_USER_PREFERENCES; an unknown user gets the defaults. */
  @MessagePattern(IdentityRpc.meetingDefaults)
  async meetingDefaults(@Payload() request: RpcRequest<MeetingDefaultsRequest>): Promise<MeetingDefaults> {
    const userId = request?.data?.userId;
    if (typeof userId !== 'string' || !UUID.test(userId)) throw invalid('userId must be a uuid.');
    const profile = await this.profiles.find(userId);
    return resolvePreferences(profile?.preferences).meetingDefaults;
  }

  @MessagePattern(IdentityRpc.usersByIds)
  async usersByIds(@Payload() request: RpcRequest<UsersByIdsRequest>): Promise<UserContact[]> {
    const ids: unknown = request?.data?.ids;
    if (!Array.isArray(ids) || ids.length > USERS_BY_IDS_MAX || !ids.every((id) => typeof id === 'string' && UUID.test(id))) {
      throw invalid(`ids must be at most ${USERS_BY_IDS_MAX} uuids.`);
    }
    return this.contacts.byIds([...new Set(ids as string[])]);
  }
}

function invalid(message: string): DomainError {
  return new DomainError('VALIDATION_FAILED', 'invalid', message);
}
