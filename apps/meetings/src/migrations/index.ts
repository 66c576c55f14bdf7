import { Meetings1764400000000 } from './1764400000000-meetings';
import { MeetingSettings1764700000000 } from './1764700000000-meeting-settings';

/** The meetings schema's migrations, oldest first. The event-bus tables come from the platform. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const meetingsMigrations: Function[] = [Meetings1764400000000, MeetingSettings1764700000000];
