import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { MeetingAttendanceView, MeetingRole, MeetingRunSummary } from '@confer/meetings/contracts';
import { attendeesInWords, durationInWords, runInWords } from '../history-words';

const ROLE_LABELS: Readonly<Record<MeetingRole, string>> = { host: 'Host', 'co-host': 'Co-host', participant: 'Participant' };

/**
 * The "History" section of a meeting's page: each run (most recent first) with when it ran, how long
 * and who came; a table of join and leave times, everyone's for the host (with the device of each
 * connection), one's own for an attendee. Times are in the viewer's zone.
 */
@Component({
  selector: 'cf-meeting-history',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './meeting-history.html',
  styles: `
    .meeting-facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.25rem 1rem;
      margin: 0 0 0.75rem;
    }
    .meeting-facts dt {
      font-weight: 600;
    }
    .meeting-facts dd {
      margin: 0;
    }
    .history-run + .history-run {
      margin-block-start: 1.5rem;
    }
    .history-run h3 {
      font-size: 1rem;
    }
  `,
})
export class MeetingHistory {
  readonly attendance = input.required<MeetingAttendanceView>();

  protected readonly duration = durationInWords;
  protected readonly attendees = attendeesInWords;
  protected readonly role = (role: MeetingRole): string => ROLE_LABELS[role];
  protected readonly names = (names: readonly string[]): string => new Intl.ListFormat(undefined, { type: 'conjunction' }).format(names);

  protected readonly when = (run: MeetingRunSummary): string => runInWords(run);

  /** With seconds: a connection may last less than a minute. */
  protected time(at: string): string {
    return new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' }).format(new Date(at));
  }
}
