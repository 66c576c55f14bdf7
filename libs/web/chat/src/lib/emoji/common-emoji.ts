/** An emoji a picker offers, with the name its button is announced by. */
export interface EmojiChoice {
  readonly emoji: string;
  readonly name: string;
}

/** The composer's picker and "Add reaction": common emoji, each one grapheme the chat service accepts. */
export const COMMON_EMOJI: readonly EmojiChoice[] = [
  { emoji: '👍', name: 'Thumbs up' },
  { emoji: '👎', name: 'Thumbs down' },
  { emoji: '❤️', name: 'Heart' },
  { emoji: '😂', name: 'Tears of joy' },
  { emoji: '😊', name: 'Smile' },
  { emoji: '😮', name: 'Surprised' },
  { emoji: '😢', name: 'Sad' },
  { emoji: '🤔', name: 'Thinking' },
  { emoji: '👏', name: 'Clapping' },
  { emoji: '🙌', name: 'Raised hands' },
  { emoji: '🙏', name: 'Thank you' },
  { emoji: '🎉', name: 'Party' },
  { emoji: '🔥', name: 'Fire' },
  { emoji: '💯', name: 'Hundred' },
  { emoji: '✅', name: 'Done' },
  { emoji: '👀', name: 'Eyes' },
];

/** The room's "Reactions": a few that float over the video. */
export const FLOAT_EMOJI: readonly EmojiChoice[] = COMMON_EMOJI.filter((choice) => ['👍', '👏', '❤️', '😂', '😮', '🎉'].includes(choice.emoji));

/** The name of an emoji this file knows, for announcing it. */
export function emojiName(emoji: string): string | undefined {
  return COMMON_EMOJI.find((choice) => choice.emoji === emoji)?.name;
}
