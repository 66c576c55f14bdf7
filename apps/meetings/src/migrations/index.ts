import { Meetings1764400000000 } from './1764400000000-meetings';

/** The meetings schema's migrations, oldest first. The event-bus tables come from the platform. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const meetingsMigrations: Function[] = [Meetings1764400000000];
