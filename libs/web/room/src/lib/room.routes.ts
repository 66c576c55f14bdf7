import type { Routes } from '@angular/router';

/**
 * Mounted lazily by the shell under /m, so livekit-client and the room's code load only when someone
 * opens a meeting link. Public: guests join without an account.
 */
export const roomRoutes: Routes = [
  { path: ':code', title: 'Meeting · Confer', loadComponent: () => import('./meeting-page').then((m) => m.MeetingPage) },
];
