import type { Contact } from '@confer/identity/contracts';

/**
 * Puts a new contact where the server would list it: favourites first, then by name. An existing one is
 * replaced in place, so a row never jumps away from the button just pressed.
 */
export function withContact(list: readonly Contact[], contact: Contact): readonly Contact[] {
  if (list.some((item) => item.user.id === contact.user.id)) {
    return list.map((item) => (item.user.id === contact.user.id ? contact : item));
  }
  const after = list.findIndex((item) => comesBefore(contact, item));
  return after === -1 ? [...list, contact] : [...list.slice(0, after), contact, ...list.slice(after)];
}

/** Appends a further page, leaving out anyone added here meanwhile. */
export function withPage(list: readonly Contact[], page: readonly Contact[]): readonly Contact[] {
  const shown = new Set(list.map((item) => item.user.id));
  return [...list, ...page.filter((item) => !shown.has(item.user.id))];
}

function comesBefore(a: Contact, b: Contact): boolean {
  if (a.favourite !== b.favourite) return a.favourite;
  return a.user.displayName.toLocaleLowerCase() < b.user.displayName.toLocaleLowerCase();
}
