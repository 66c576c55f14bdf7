import { Injectable } from '@nestjs/common';
import { IdentityRpc, USERS_BY_IDS_MAX, type MeetingDefaults, type UserContact } from '@confer/identity/contracts';
import { RpcClient } from '@confer/shared/server/events';

/** What meetings asks identity about people, over the bus: meeting defaults, names and addresses. */
@Injectable()
export class People {
  constructor(private readonly rpc: RpcClient) {}

  meetingDefaults(userId: string): Promise<MeetingDefaults> {
    return this.rpc.call<MeetingDefaults>(IdentityRpc.meetingDefaults, { userId });
  }

  /** The accounts among `ids` that exist, by id. */
  async byIds(ids: readonly string[]): Promise<Map<string, UserContact>> {
    const unique = [...new Set(ids)];
    const found = new Map<string, UserContact>();
    for (let i = 0; i < unique.length; i += USERS_BY_IDS_MAX) {
      const page = await this.rpc.call<UserContact[]>(IdentityRpc.usersByIds, { ids: unique.slice(i, i + USERS_BY_IDS_MAX) });
      page.forEach((user) => found.set(user.id, user));
    }
    return found;
  }
}
