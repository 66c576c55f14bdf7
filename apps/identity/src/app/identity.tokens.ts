/** Injection token of the identity service's validated config. */
export const IDENTITY_CONFIG = 'IDENTITY_CONFIG';
