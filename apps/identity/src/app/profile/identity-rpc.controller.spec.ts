import { DEFAULT_USER_PREFERENCES, type UserContact } from '@confer/identity/contracts';
import { DomainError } from '@confer/shared/util';
import { IdentityRpcController } from './identity-rpc.controller';
import type { ProfileRepository } from './profile.repository';
import type { UserContactsRepository } from './user-contacts.repository';

const ADA = '00000000-0000-4000-8000-00000000000a';
const ada: UserContact = { id: ADA, displayName: 'Ada', email: 'ada@example.test', timeZone: 'Europe/London' };

describe('IdentityRpcController', () => {
  const asked: string[][] = [];
  const profiles = {
    find: async (id: string) => (id === ADA ? { preferences: { meetingDefaults: { waitingRoom: true, screenShare: 'nobody' } } } : undefined),
  } as unknown as ProfileRepository;
  const contacts = {
    byIds: async (ids: string[]) => {
      asked.push(ids);
      return ids.includes(ADA) ? [ada] : [];
    },
  } as unknown as UserContactsRepository;
  const controller = new IdentityRpcController(profiles, contacts);
  const request = <T>(data: T) => ({ meta: {}, data });

  it('answers meeting defaults as the stored choices over the defaults, ignoring what no longer fits', async () => {
    expect(await controller.meetingDefaults(request({ userId: ADA }))).toEqual({ ...DEFAULT_USER_PREFERENCES.meetingDefaults, waitingRoom: true });
    expect(await controller.meetingDefaults(request({ userId: '00000000-0000-4000-8000-00000000000b' }))).toEqual(DEFAULT_USER_PREFERENCES.meetingDefaults);
    await expect(controller.meetingDefaults(request({ userId: 'ada' }))).rejects.toBeInstanceOf(DomainError);
  });

  it('finds users by id, each id once, at most 200 per call', async () => {
    expect(await controller.usersByIds(request({ ids: [ADA, ADA, '00000000-0000-4000-8000-00000000000c'] }))).toEqual([ada]);
    expect(asked.at(-1)).toEqual([ADA, '00000000-0000-4000-8000-00000000000c']);
    await expect(controller.usersByIds(request({ ids: Array.from({ length: 201 }, () => ADA) }))).rejects.toBeInstanceOf(DomainError);
    await expect(controller.usersByIds(request({ ids: ["x' OR 1=1"] }))).rejects.toBeInstanceOf(DomainError);
    await expect(controller.usersByIds(request({ ids: 'all' } as never))).rejects.toBeInstanceOf(DomainError);
  });
});
