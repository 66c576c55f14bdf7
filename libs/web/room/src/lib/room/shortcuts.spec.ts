import { commandOf } from './shortcuts';

const key = (code: string, extra: Partial<KeyboardEvent> = {}) => ({ altKey: true, ctrlKey: false, metaKey: false, shiftKey: false, code, ...extra });

describe('commandOf', () => {
  it('maps Alt plus a letter to its command, by physical key', () => {
    expect(['KeyA', 'KeyV', 'KeyS', 'KeyY', 'KeyU', 'KeyH', 'KeyW'].map((code) => commandOf(key(code)))).toEqual([
      'microphone',
      'camera',
      'screen',
      'hand',
      'participants',
      'chat',
      'view',
    ]);
  });

  it('ignores other keys and other modifiers', () => {
    expect(commandOf(key('KeyA', { altKey: false }))).toBeNull();
    expect(commandOf(key('KeyA', { ctrlKey: true }))).toBeNull();
    expect(commandOf(key('KeyA', { shiftKey: true }))).toBeNull();
    expect(commandOf(key('KeyQ'))).toBeNull();
    expect(commandOf(key('Digit1'))).toBeNull();
  });
});
