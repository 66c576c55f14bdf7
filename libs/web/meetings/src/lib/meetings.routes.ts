import type { Routes } from '@angular/router';
import { signedIn } from '@confer/web/auth';
import { MeetingsPage } from './dashboard/meetings-page';

/** Mounted lazily by the shell under /meetings; every page needs a signed-in person. */
export const meetingsRoutes: Routes = [{ path: '', pathMatch: 'full', canActivate: [signedIn], title: 'Meetings · Confer', component: MeetingsPage }];
