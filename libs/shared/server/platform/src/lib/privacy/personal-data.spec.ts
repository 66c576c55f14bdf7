import { DomainError } from '@confer/shared/util';
import { holdsNoPersonalData, isPrivacyParticipant, personalDataController, type PersonalDataHolder } from './personal-data';
import { PlatformModule } from '../platform.module';
import type { ServiceContext } from '../service-context';

interface Handlers {
  export(request: unknown): Promise<unknown>;
  erase(request: unknown): Promise<unknown>;
}

const USER = '0b7e6a52-3c1f-4c8e-9d55-2f1f0e6f4a11';

describe('personal data over the bus', () => {
  const holder: PersonalDataHolder = {
    export: async (userId) => ({ things: [{ owner: userId }] }),
    erase: async () => ({ things: 2 }),
  };
  const Controller = personalDataController('meetings') as unknown as new (holder: PersonalDataHolder) => Handlers;
  const controller = new Controller(holder);

  it('answers with the service name and the holder’s records', async () => {
    await expect(controller.export({ meta: {}, data: { userId: USER, requestId: 'r1' } })).resolves.toEqual({
      service: 'meetings',
      data: { things: [{ owner: USER }] },
    });
    await expect(controller.erase({ meta: {}, data: { userId: USER, requestId: 'r1' } })).resolves.toEqual({ service: 'meetings', counts: { things: 2 } });
  });

  it('refuses a request without a proper user id', async () => {
    for (const bad of [undefined, {}, { meta: {}, data: { userId: 'alice', requestId: 'r1' } }, { meta: {}, data: { userId: USER } }]) {
      await expect(controller.export(bad)).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
      await expect(controller.erase(bad)).rejects.toBeInstanceOf(DomainError);
    }
  });

  it('makes every service but identity declare what it holds', () => {
    expect(isPrivacyParticipant('identity')).toBe(false);
    expect(isPrivacyParticipant('chat')).toBe(true);
    const context = { service: 'chat', config: {} } as unknown as ServiceContext;
    expect(() => PlatformModule.forService(context)).toThrow(/personalData/);
    expect(() => PlatformModule.forService(context, { personalData: holdsNoPersonalData })).not.toThrow();
    expect(() => PlatformModule.forService({ ...context, service: 'identity' } as ServiceContext)).not.toThrow();
  });
});
