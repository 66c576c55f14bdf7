import { aMessage, ADA, HEDY } from '../../testing/fake-chat-socket';
import { matchesSearch, mergeMessages } from './message-list';

describe('mergeMessages', () => {
  it('orders by seq and keeps one snapshot per id, the highest version', () => {
    const first = aMessage(1, ADA, 'one');
    const list = mergeMessages([], [aMessage(3, ADA, 'three'), first]);
    expect(list.map((m) => m.body)).toEqual(['one', 'three']);
    const edited = mergeMessages(list, [{ ...first, body: 'one, edited', version: 9 }]);
    expect(edited.map((m) => m.body)).toEqual(['one, edited', 'three']);
    expect(mergeMessages(edited, [first])).toBe(edited);
  });
});

describe('matchesSearch', () => {
  it('matches words of the text or the author, ignoring case and accents, never a deleted message', () => {
    expect(matchesSearch(aMessage(1, ADA, 'Café at noon'), 'CAFE')).toBe(true);
    expect(matchesSearch(aMessage(1, ADA, 'Lunch'), 'ada')).toBe(true);
    expect(matchesSearch(aMessage(1, HEDY, 'Lunch'), 'dinner')).toBe(false);
    expect(matchesSearch(aMessage(1, HEDY, '', { deletedAt: '2025-06-01T10:00:00.000Z' }), 'hedy')).toBe(false);
  });
});
