/** The analytics schema's migrations, oldest first. The event-bus tables come from the platform. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const analyticsMigrations: Function[] = [];
