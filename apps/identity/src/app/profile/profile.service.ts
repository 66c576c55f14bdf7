import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Profile, UpdateProfileRequest } from '@confer/identity/contracts';
import { DomainError } from '@confer/shared/util';
import { mergePreferences, resolvePreferences } from './preferences';
import { ProfileRepository, type ProfileRecord } from './profile.repository';
import { avatarUrl } from './public-user';
import { canonicalLocale, canonicalTimeZone } from './time-zone-locale';

/** The caller's own profile: always the caller's, as the routes carry no user id. */
@Injectable()
export class ProfileService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly profiles: ProfileRepository,
  ) {}

  async get(userId: string): Promise<Profile> {
    return toProfile(activeOrFail(await this.profiles.find(userId)));
  }

  /** Applies the fields present (validated by the DTO); preferences merge with the stored ones. */
  async update(userId: string, request: UpdateProfileRequest): Promise<Profile> {
    return this.dataSource.transaction(async (manager) => {
      const current = activeOrFail(await this.profiles.find(userId, manager, true));
      const changes = {
        displayName: request.displayName,
        timeZone: request.timeZone === undefined ? undefined : canonicalTimeZone(request.timeZone),
        locale: request.locale === undefined ? undefined : canonicalLocale(request.locale),
        discoverable: request.discoverable,
        preferences: request.preferences === undefined ? undefined : mergePreferences(current.preferences, request.preferences),
      };
      await this.profiles.update(userId, changes, manager);
      return toProfile(activeOrFail(await this.profiles.find(userId, manager)));
    });
  }
}

/** A token can outlive its account's last moments; the account itself decides. */
function activeOrFail(record: ProfileRecord | undefined): ProfileRecord {
  if (!record || record.disabled) throw new DomainError('UNAUTHENTICATED', 'unauthenticated', 'Sign in again.');
  return record;
}

export function toProfile(record: ProfileRecord): Profile {
  return {
    id: record.id,
    email: record.email,
    displayName: record.displayName,
    timeZone: record.timeZone,
    locale: record.locale,
    preferences: resolvePreferences(record.preferences),
    discoverable: record.discoverable,
    avatarUrl: avatarUrl(record.id, record.avatarVersion),
  };
}
