/** Injection token of the meetings service's typed configuration. */
export const MEETINGS_CONFIG = 'MEETINGS_CONFIG';
