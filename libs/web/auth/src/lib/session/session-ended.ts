/** `?reason=` of the sign-in page when a session ended by itself (expired, revoked, signed out elsewhere). */
export const SESSION_ENDED_REASON = 'session-ended';
