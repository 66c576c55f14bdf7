import { CHAT_FILES } from '@confer/chat/contracts';
import { invalid } from '../access/chat.errors';
import { countCodePoints, isWellFormed } from '../messages/message-rules';
import { fileTypeNotAllowed } from './file.errors';
import { claimedType } from './file-types';

/**
 * A shared file's name, kept as the sender gave it and shown as text: refused when blank, longer
 * than CHAT_FILES.nameMaxLength, holding control characters, path separators or lone surrogates, or
 * when its extension is not on the allow-list. Returns the type the name claims.
 */
export function checkFileName(name: string): string {
  if (name.trim() === '' || /^\.+$/.test(name.trim())) throw invalid('Name the file.');
  if (countCodePoints(name) > CHAT_FILES.nameMaxLength) throw invalid(`A file name has at most ${CHAT_FILES.nameMaxLength} characters.`);
  if (/[\p{Cc}/\\]/u.test(name) || !isWellFormed(name)) throw invalid('The file name contains characters that cannot be used.');
  const type = claimedType(name);
  if (!type) throw fileTypeNotAllowed();
  return type;
}

/**
 * `attachment` with the name twice: an ASCII fallback, and the exact name as RFC 8187 UTF-8 for
 * every current browser. Neither can break out of the header (quotes, backslashes, control characters
 * and non-ASCII are replaced in the fallback, percent-encoded in the exact one).
 */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const exact = encodeURIComponent(name).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${exact}`;
}
