import { meetingCodeIn } from './meeting-code';

describe('meetingCodeIn', () => {
  it.each([
    ['abc-defg-hij', 'abc-defg-hij'],
    ['  ABC-DEFG-HIJ ', 'abc-defg-hij'],
    ['https://confer.example/m/abc-defg-hij', 'abc-defg-hij'],
    ['https://confer.example/m/abc-defg-hij/?utm=x#top', 'abc-defg-hij'],
  ])('finds the code in %p', (input, code) => expect(meetingCodeIn(input)).toBe(code));

  it.each(['', 'abc-defg', 'abcdefghij', 'https://confer.example/m/abc-defg-hij/extra', 'https://confer.example/m/abc-defg-hijk', 'abc-defg-hij1'])(
    'finds none in %p',
    (input) => expect(meetingCodeIn(input)).toBeNull(),
  );
});
