import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { MeetingListEntry, MeetingListRole, MeetingRunSummary } from '@confer/meetings/contracts';
import { attendeesInWords, durationInWords, runInWords } from '../history-words';
import { localTimeRange } from './time-range';

export type ListStatus = 'loading' | 'loaded' | 'failed';

const ROLE_LABELS: Readonly<Record<MeetingListRole, string>> = { host: 'Host', invitee: 'Invited', attendee: 'Attended' };

/**
 * One list of the dashboard ("Upcoming", "Recent"), with its heading and empty state; titles link to
 * the details. A past entry that was held shows when it last ran, how long and how many came.
 */
@Component({
  selector: 'cf-meeting-list',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './meeting-list.html',
})
export class MeetingList {
  /** Heading text; also the base of its id. */
  readonly heading = input.required<string>();
  readonly entries = input.required<readonly MeetingListEntry[]>();
  readonly status = input.required<ListStatus>();
  readonly emptyText = input.required<string>();

  protected readonly role = (role: MeetingListRole): string => ROLE_LABELS[role];
  protected readonly when = (entry: MeetingListEntry): string => localTimeRange(entry.startsAt, entry.durationMinutes);
  protected readonly attendees = attendeesInWords;
  /** When it actually ran, rather than when it was planned. */
  protected readonly held = (run: MeetingRunSummary): string => runInWords(run);
  protected readonly duration = (run: MeetingRunSummary): string => `Lasted ${durationInWords(run.durationSeconds)}${run.endedAt ? '' : ' so far'}`;
  /** A series lists one entry per occurrence, all with the same code. */
  protected readonly key = (entry: MeetingListEntry): string => `${entry.id}/${entry.occurrenceId ?? ''}`;
}
