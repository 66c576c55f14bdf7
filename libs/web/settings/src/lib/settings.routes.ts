import type { Routes } from '@angular/router';
import { adminOnly, signedIn } from '@confer/web/auth';
import { AdminUsersPage } from './admin/admin-users-page';
import { ContactsPage } from './contacts/contacts-page';
import { PrivacyPage } from './privacy/privacy-page';
import { ProfilePage } from './profile/profile-page';
import { SecurityPage } from './security/security-page';

/** Mounted lazily by the shell under /settings; every page needs a signed-in person. */
export const settingsRoutes: Routes = [
  {
    path: '',
    canActivate: [signedIn],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'security' },
      { path: 'profile', title: 'Profile · Confer', component: ProfilePage },
      { path: 'contacts', title: 'Contacts · Confer', component: ContactsPage },
      { path: 'security', title: 'Security settings · Confer', component: SecurityPage },
      { path: 'privacy', title: 'Privacy · Confer', component: PrivacyPage },
      { path: 'admin/users', title: 'Users · Admin · Confer', canActivate: [adminOnly], component: AdminUsersPage },
    ],
  },
];
