import type { LiveParticipant } from '../live/live-participant';

export type ViewMode = 'grid' | 'speaker';

/**
 * What the stage shows. `screen`: someone's screen large, their camera small, everyone else in the
 * strip. `speaker`: one person large (pinned, else whoever spoke last, else the first other person).
 * `grid`: everyone the same size, in `columns` columns and `rows` rows.
 */
export type StageLayout =
  | { kind: 'screen'; sharer: LiveParticipant; strip: LiveParticipant[] }
  | { kind: 'speaker'; featured: LiveParticipant; strip: LiveParticipant[] }
  | { kind: 'grid'; tiles: LiveParticipant[]; columns: number; rows: number };

export function stageLayout(people: readonly LiveParticipant[], view: ViewMode, pinned: string | null, lastSpeaker: string | null): StageLayout {
  const sharer = people.find((p) => p.screen && !p.isLocal) ?? people.find((p) => p.screen);
  if (sharer) return { kind: 'screen', sharer, strip: people.filter((p) => p !== sharer) };
  const find = (identity: string | null) => (identity ? people.find((p) => p.identity === identity) : undefined);
  const pinnedPerson = find(pinned);
  if ((view === 'speaker' || pinnedPerson) && people.length > 0) {
    const featured = pinnedPerson ?? find(lastSpeaker) ?? people.find((p) => !p.isLocal) ?? people[0];
    return { kind: 'speaker', featured, strip: people.filter((p) => p !== featured) };
  }
  const columns = gridColumns(people.length);
  return { kind: 'grid', tiles: [...people], columns, rows: Math.max(1, Math.ceil(people.length / columns)) };
}

/** 1 → 1, 2 → 2, 3–4 → 2, 5–9 → 3, 10–16 → 4, then 5: close to square, wider than tall. */
export function gridColumns(count: number): number {
  if (count <= 1) return 1;
  return Math.min(5, Math.ceil(Math.sqrt(count)));
}
