/** Injection token of the service's pino logger. */
export const LOGGER = 'CONFER_LOGGER';
