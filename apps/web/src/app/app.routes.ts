import type { Route } from '@angular/router';
import { authRoutes } from '@confer/web/auth';
import { HomePage } from './home/home-page';
import { NotFoundPage } from './not-found/not-found-page';

export const appRoutes: Route[] = [
  { path: '', pathMatch: 'full', component: HomePage, title: 'Confer' },
  {
    path: 'status',
    title: 'System status · Confer',
    loadChildren: () => import('@confer/web/status').then((m) => m.statusRoutes),
  },
  // /sign-in, /register, /verify-email, /forgot-password, /reset-password. The auth lib is in the main
  // bundle anyway (the session, its interceptor and guards), so its routes are mounted directly; each
  // page is still its own lazy chunk (loadComponent inside authRoutes).
  { path: '', children: authRoutes },
  // Guarded inside: signed in for all of it, admin for /settings/admin/*.
  { path: 'settings', loadChildren: () => import('@confer/web/settings').then((m) => m.settingsRoutes) },
  // Signed in only (guarded inside); titled 'Meetings · Confer'.
  { path: 'meetings', loadChildren: () => import('@confer/web/meetings').then((m) => m.meetingsRoutes) },
  // /m/<code>: the way into a meeting and the meeting room. Public (guests); livekit-client loads only here.
  { path: 'm', loadChildren: () => import('@confer/web/room').then((m) => m.roomRoutes) },
  { path: '**', component: NotFoundPage, title: 'Page not found · Confer' },
];
