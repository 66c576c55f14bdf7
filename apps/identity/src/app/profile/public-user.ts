import { avatarPath, type PublicUser } from '@confer/identity/contracts';

/** The columns a PublicUser is made of, for queries on users aliased `u`. */
export const PUBLIC_USER_COLUMNS = 'u.id, u.display_name, u.avatar_version';

export interface PublicUserRow {
  id: string;
  display_name: string;
  avatar_version: number | null;
}

/** The 128 px rendition; clients swap the size for another of AVATAR_SIZES. */
export function avatarUrl(userId: string, version: number | null): string | null {
  return version === null ? null : avatarPath(userId, version, 128);
}

export function toPublicUser(row: PublicUserRow): PublicUser {
  return { id: row.id, displayName: row.display_name, avatarUrl: avatarUrl(row.id, row.avatar_version) };
}
