import { Controller, Inject, type Type } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  PRIVACY_PARTICIPANTS,
  PrivacyRpc,
  type PrivacyErasureReport,
  type PrivacyExportPart,
  type PrivacyParticipant,
  type PrivacySubject,
  type RpcRequest,
  type ServiceName,
} from '@confer/shared/contracts';
import { DomainError } from '@confer/shared/util';

/**
 * What a service holds about people, for "download my data" and "delete my account". Identity asks
 * every participant over the bus (PrivacyRpc); both calls must be idempotent, because a job that
 * did not hear the answer asks again.
 */
export interface PersonalDataHolder {
  /** Named collections of plain JSON records about the user. */
  export(userId: string): Promise<Record<string, unknown>>;
  /** Erases or anonymises them; returns how many records of each kind changed. */
  erase(userId: string): Promise<Record<string, number>>;
}

export const PERSONAL_DATA = Symbol('CONFER_PERSONAL_DATA');

/**
 * For a service that keeps nothing about people yet. Declared, not defaulted: a participant must
 * say what it holds, so one that starts storing personal data has to change this line.
 */
export const holdsNoPersonalData: PersonalDataHolder = {
  export: async () => ({}),
  erase: async () => ({}),
};

export function isPrivacyParticipant(service: ServiceName): service is PrivacyParticipant {
  return (PRIVACY_PARTICIPANTS as readonly ServiceName[]).includes(service);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function subjectOf(request: RpcRequest<PrivacySubject> | undefined): PrivacySubject {
  const data = request?.data;
  if (!data || typeof data.userId !== 'string' || !UUID.test(data.userId) || typeof data.requestId !== 'string') {
    throw new DomainError('INVALID_REQUEST', 'invalid', 'A privacy request needs a userId (uuid) and a requestId.');
  }
  return data;
}

/** The RPC handlers of one participant, answering PrivacyRpc.export/erase with its PersonalDataHolder. */
export function personalDataController(service: PrivacyParticipant): Type<unknown> {
  @Controller()
  class PersonalDataController {
    constructor(@Inject(PERSONAL_DATA) private readonly holder: PersonalDataHolder) {}

    @MessagePattern(PrivacyRpc.export(service))
    async export(@Payload() request: RpcRequest<PrivacySubject>): Promise<PrivacyExportPart> {
      const { userId } = subjectOf(request);
      return { service, data: await this.holder.export(userId) };
    }

    @MessagePattern(PrivacyRpc.erase(service))
    async erase(@Payload() request: RpcRequest<PrivacySubject>): Promise<PrivacyErasureReport> {
      const { userId } = subjectOf(request);
      return { service, counts: await this.holder.erase(userId) };
    }
  }
  return PersonalDataController;
}
