import type { LiveParticipant } from '../live/live-participant';
import { gridColumns, stageLayout } from './stage-layout';

const person = (identity: string, extra: Partial<LiveParticipant> = {}): LiveParticipant => ({
  identity,
  name: identity,
  isLocal: false,
  role: 'participant',
  handRaised: false,
  microphoneOn: true,
  cameraOn: true,
  speaking: false,
  quality: 'good',
  joinedAt: 0,
  ...extra,
});
const screenTrack = {} as NonNullable<LiveParticipant['screen']>;

describe('stageLayout', () => {
  const me = person('me', { isLocal: true });
  const ada = person('ada');
  const bob = person('bob');

  it('puts everyone in a grid that grows with the number of people', () => {
    expect(stageLayout([me, ada, bob], 'grid', null, null)).toEqual({ kind: 'grid', tiles: [me, ada, bob], columns: 2, rows: 2 });
    expect([1, 2, 3, 4, 5, 9, 10, 16, 17, 40].map(gridColumns)).toEqual([1, 2, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('shows a shared screen large, with the sharer and everyone else beside it', () => {
    const sharer = { ...bob, screen: screenTrack };
    expect(stageLayout([me, ada, sharer], 'grid', 'ada', null)).toEqual({ kind: 'screen', sharer, strip: [me, ada] });
  });

  it("prefers someone else's screen over one's own", () => {
    const mine = { ...me, screen: screenTrack };
    const theirs = { ...ada, screen: screenTrack };
    expect(stageLayout([mine, theirs], 'grid', null, null)).toMatchObject({ kind: 'screen', sharer: theirs });
  });

  it('features the pinned person, else the last speaker, else the first other person', () => {
    expect(stageLayout([me, ada, bob], 'grid', 'bob', 'ada')).toEqual({ kind: 'speaker', featured: bob, strip: [me, ada] });
    expect(stageLayout([me, ada, bob], 'speaker', null, 'bob')).toMatchObject({ featured: bob });
    expect(stageLayout([me, ada, bob], 'speaker', null, null)).toMatchObject({ featured: ada });
    expect(stageLayout([me], 'speaker', null, null)).toMatchObject({ featured: me, strip: [] });
  });

  it('falls back to the grid when the pinned person has left', () => {
    expect(stageLayout([me, ada], 'grid', 'gone', null)).toMatchObject({ kind: 'grid' });
  });
});
