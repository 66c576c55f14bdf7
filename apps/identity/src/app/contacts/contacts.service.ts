import { Injectable } from '@nestjs/common';
import { CONTACTS_MAX, IdentityErrorCode, type Contact, type Page } from '@confer/identity/contracts';
import { DomainError } from '@confer/shared/util';
import { decodeCursor, encodeCursor, isUuid } from '../page-cursor';
import { ProfileRepository } from '../profile/profile.repository';
import { toPublicUser } from '../profile/public-user';
import { ContactRepository, contactKey, type ContactKey, type ContactRow } from './contact.repository';

/**
 * A user's own contact list. Discoverability governs search only: anyone whose id you have (from a
 * search or a shared meeting) can be added, and they are not told.
 */
@Injectable()
export class ContactsService {
  constructor(
    private readonly contacts: ContactRepository,
    private readonly profiles: ProfileRepository,
  ) {}

  async list(ownerId: string, options: { cursor?: string; limit: number }): Promise<Page<Contact>> {
    const after = options.cursor === undefined ? undefined : decodeCursor(options.cursor, isContactKey);
    const rows = await this.contacts.page(ownerId, options.limit + 1, after);
    const items = rows.slice(0, options.limit).map(toContact);
    return rows.length > options.limit ? { items, next: encodeCursor(contactKey(rows[options.limit - 1])) } : { items };
  }

  /** Idempotent: adding an existing contact answers it unchanged. */
  async add(ownerId: string, contactId: string): Promise<Contact> {
    if (ownerId === contactId) throw new DomainError(IdentityErrorCode.ContactSelf, 'invalid', 'You cannot add yourself as a contact.');
    const target = await this.profiles.find(contactId);
    if (!target || target.disabled) throw new DomainError(IdentityErrorCode.UserNotFound, 'not_found', 'There is no such user.');
    const existing = await this.contacts.find(ownerId, contactId);
    if (existing) return toContact(existing);
    if ((await this.contacts.count(ownerId)) >= CONTACTS_MAX) {
      throw new DomainError(IdentityErrorCode.ContactLimitReached, 'conflict', `You can keep up to ${CONTACTS_MAX} contacts.`);
    }
    await this.contacts.add(ownerId, contactId);
    return this.getOrFail(ownerId, contactId);
  }

  async setFavourite(ownerId: string, contactId: string, favourite: boolean): Promise<Contact> {
    if (!(await this.contacts.setFavourite(ownerId, contactId, favourite))) throw contactNotFound();
    return this.getOrFail(ownerId, contactId);
  }

  /** Idempotent: removing someone who is not a contact is not an error. */
  remove(ownerId: string, contactId: string): Promise<void> {
    return this.contacts.remove(ownerId, contactId);
  }

  private async getOrFail(ownerId: string, contactId: string): Promise<Contact> {
    const row = await this.contacts.find(ownerId, contactId);
    if (!row) throw contactNotFound();
    return toContact(row);
  }
}

function toContact(row: ContactRow): Contact {
  return { user: toPublicUser(row), favourite: row.favourite, addedAt: row.created_at.toISOString() };
}

function contactNotFound(): DomainError {
  return new DomainError(IdentityErrorCode.ContactNotFound, 'not_found', 'This person is not among your contacts.');
}

function isContactKey(value: unknown): value is ContactKey {
  return (
    Array.isArray(value) &&
    value.length === 3 &&
    (value[0] === 0 || value[0] === 1) &&
    typeof value[1] === 'string' &&
    value[1].length <= 400 &&
    isUuid(value[2])
  );
}
