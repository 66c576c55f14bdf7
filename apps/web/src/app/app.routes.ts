import type { Route } from '@angular/router';
import { HomePage } from './home/home-page';
import { NotFoundPage } from './not-found/not-found-page';

export const appRoutes: Route[] = [
  { path: '', pathMatch: 'full', component: HomePage, title: 'Confer' },
  {
    path: 'status',
    title: 'System status · Confer',
    loadChildren: () => import('@confer/web/status').then((m) => m.statusRoutes),
  },
  { path: '**', component: NotFoundPage, title: 'Page not found · Confer' },
];
