import type { Routes } from '@angular/router';
import { signedIn } from '@confer/web/auth';
import { ChatSearchPage } from '@confer/web/chat/history';
import { MeetingsPage } from './dashboard/meetings-page';
import { MeetingDetailsPage } from './details/meeting-details-page';
import { SchedulePage } from './schedule/schedule-page';

/** Mounted lazily by the shell under /meetings; every page needs a signed-in person. */
export const meetingsRoutes: Routes = [
  { path: '', pathMatch: 'full', canActivate: [signedIn], title: 'Meetings · Confer', component: MeetingsPage },
  { path: 'new', canActivate: [signedIn], title: 'Schedule a meeting · Confer', component: SchedulePage },
  // Before ':code', which would otherwise take it.
  { path: 'chat-search', canActivate: [signedIn], title: 'Search chat messages · Confer', component: ChatSearchPage },
  { path: ':code/edit', canActivate: [signedIn], title: 'Edit meeting · Confer', component: SchedulePage },
  { path: ':code', canActivate: [signedIn], title: 'Meeting · Confer', component: MeetingDetailsPage },
];
