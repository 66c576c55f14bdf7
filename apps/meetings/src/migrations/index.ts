import { Meetings1764400000000 } from './1764400000000-meetings';
import { MeetingSettings1764700000000 } from './1764700000000-meeting-settings';
import { MeetingsScheduling1764710000010 } from './1764710000010-meetings-scheduling';
import { JoiningAndAttendance1764720000001 } from './1764720000001-joining-and-attendance';
import { ParticipantBlockedSources1764730000000 } from './1764730000000-participant-blocked-sources';
import { ParticipantDevice1764740000000 } from './1764740000000-participant-device';

/** The meetings schema's migrations, oldest first. The event-bus tables come from the platform. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const meetingsMigrations: Function[] = [
  Meetings1764400000000,
  MeetingSettings1764700000000,
  MeetingsScheduling1764710000010,
  JoiningAndAttendance1764720000001,
  ParticipantBlockedSources1764730000000,
  ParticipantDevice1764740000000,
];
