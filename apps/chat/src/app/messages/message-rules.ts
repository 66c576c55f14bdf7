import { CHAT_LIMITS, ChatErrorCode } from '@confer/chat/contracts';
import { DomainError } from '@confer/shared/util';
import { invalid } from '../access/chat.errors';

/**
 * A message body is stored exactly as sent and always returned as text: no trimming, escaping or
 * HTML processing here (clients render it as text). Refused: nothing but white space, more than
 * CHAT_LIMITS.messageMaxLength code points, NUL (Postgres text cannot hold it) and lone surrogates
 * (they would not come back as sent).
 */
export function checkBody(body: string): void {
  if (body.trim() === '') throw invalid('Type a message.');
  if (countCodePoints(body) > CHAT_LIMITS.messageMaxLength) {
    throw new DomainError(ChatErrorCode.MessageTooLong, 'too_large', `A message has at most ${CHAT_LIMITS.messageMaxLength} characters.`);
  }
  if (body.includes('\u0000') || !isWellFormed(body)) throw invalid('The message contains characters that cannot be stored.');
}

export function countCodePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

export function isWellFormed(text: string): boolean {
  return !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}

/** One emoji: a pictograph with its variation selector, skin tone and ZWJ partners, a flag, a keycap, or a tag flag. */
const PICTOGRAPH = String.raw`\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})?`;
const EMOJI = new RegExp(
  String.raw`^(?:${PICTOGRAPH}(?:\u200D${PICTOGRAPH})*|\p{Regional_Indicator}{2}|[#*0-9]\uFE0F?\u20E3|\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F})$`,
  'u',
);

export function checkEmoji(emoji: string): void {
  if (emoji.length > CHAT_LIMITS.emojiMaxLength || !EMOJI.test(emoji)) throw invalid('React with one emoji.');
}
