import { Chat1765000000000 } from './1765000000000-chat';
import { ChatFiles1765100000000 } from './1765100000000-chat-files';

/** The chat schema's migrations, oldest first. The event-bus tables come from the platform. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const chatMigrations: Function[] = [Chat1765000000000, ChatFiles1765100000000];
