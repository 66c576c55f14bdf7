/** The meeting room's keyboard shortcuts, as in Zoom: Alt (Option) plus a letter. */
export type RoomCommand = 'microphone' | 'camera' | 'screen' | 'hand' | 'participants' | 'chat' | 'view';

export const ROOM_SHORTCUTS: Readonly<Record<RoomCommand, { key: string; label: string }>> = {
  microphone: { key: 'a', label: 'Alt+A' },
  camera: { key: 'v', label: 'Alt+V' },
  screen: { key: 's', label: 'Alt+S' },
  hand: { key: 'y', label: 'Alt+Y' },
  participants: { key: 'u', label: 'Alt+U' },
  chat: { key: 'h', label: 'Alt+H' },
  view: { key: 'w', label: 'Alt+W' },
};

/** The command of a key press, or null. Uses `code` so that Option on a Mac (which changes `key`) works. */
export function commandOf(event: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'code'>): RoomCommand | null {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  const letter = /^Key([A-Z])$/.exec(event.code)?.[1]?.toLowerCase();
  const entry = Object.entries(ROOM_SHORTCUTS).find(([, shortcut]) => shortcut.key === letter);
  return entry ? (entry[0] as RoomCommand) : null;
}
