import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { MeetingListEntry, ScheduleRole } from '@confer/meetings/contracts';
import { localTimeRange } from './time-range';

export type ListStatus = 'loading' | 'loaded' | 'failed';

const ROLE_LABELS: Readonly<Record<ScheduleRole, string>> = { host: 'Host', invitee: 'Invited' };

/** One list of the dashboard ("Upcoming", "Recent"), with its heading and empty state; titles link to the details. */
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

  protected readonly role = (role: ScheduleRole): string => ROLE_LABELS[role];
  protected readonly when = (entry: MeetingListEntry): string => localTimeRange(entry.startsAt, entry.durationMinutes);
  /** A series lists one entry per occurrence, all with the same code. */
  protected readonly key = (entry: MeetingListEntry): string => `${entry.id}/${entry.occurrenceId ?? ''}`;
}
