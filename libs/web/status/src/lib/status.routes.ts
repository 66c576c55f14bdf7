import type { Routes } from '@angular/router';
import { StatusPage } from './status-page/status-page';

/** Mounted lazily by the shell under /status. */
export const statusRoutes: Routes = [{ path: '', component: StatusPage }];
