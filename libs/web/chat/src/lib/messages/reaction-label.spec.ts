import { reactionLabel } from './reaction-label';

const person = (n: number) => ({ identity: `id-${n}`, displayName: ['Ada', 'Bo', 'Cy', 'Di', 'Ed', 'Flo'][n] });
const reaction = (...people: number[]) => ({ emoji: '👍', count: people.length, by: people.map(person) });

describe('reactionLabel', () => {
  it('names who reacted, with me as "you" and last', () => {
    expect(reactionLabel(reaction(0), 'me')).toBe('👍 1, reacted by Ada');
    expect(reactionLabel(reaction(0, 1), 'id-0')).toBe('👍 2, reacted by Bo and you');
    expect(reactionLabel(reaction(0, 1, 2), 'me')).toBe('👍 3, reacted by Ada, Bo and Cy');
  });

  it('counts the rest past three names, keeping me among those named', () => {
    expect(reactionLabel(reaction(0, 1, 2, 3, 4), 'me')).toBe('👍 5, reacted by Ada, Bo, Cy and 2 others');
    expect(reactionLabel(reaction(0, 1, 2, 3, 4), 'id-4')).toBe('👍 5, reacted by Ada, Bo, you and 2 others');
    expect(reactionLabel(reaction(0, 1, 2, 3), 'me')).toBe('👍 4, reacted by Ada, Bo, Cy and 1 other');
  });
});
