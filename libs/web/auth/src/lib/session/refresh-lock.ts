/** Name of the Web Lock every tab of this origin takes before it refreshes the session. */
export const REFRESH_LOCK = 'confer-refresh';

/**
 * Runs `task` while holding the cross-tab refresh lock, so two tabs never present the same refresh
 * cookie (the server revokes a session whose rotated token comes back). The second tab gets the lock
 * after the first tab's answer has set the new cookie, and refreshes with that one.
 *
 * navigator.locks exists only in secure contexts (https, localhost); a self-hosted Confer opened over
 * plain http on a LAN address runs the task directly, still one refresh at a time within the tab.
 */
export async function withRefreshLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  return locks ? await locks.request(REFRESH_LOCK, () => task()) : task();
}
