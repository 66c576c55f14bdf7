import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { AdminUserView } from '@confer/identity/contracts';
import { AuthSession } from '@confer/web/auth';
import { ToastService } from '@confer/web/core';
import { SecurityLogTable } from '../security-log/security-log-table';
import { AdminApi } from './admin-api';

/** /settings/admin/users: find accounts, disable or enable them, and read the platform security log. */
@Component({
  selector: 'cf-admin-users-page',
  imports: [FormsModule, SecurityLogTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './admin-users-page.html',
})
export class AdminUsersPage implements OnInit {
  private readonly api = inject(AdminApi);
  private readonly toasts = inject(ToastService);
  protected readonly me = inject(AuthSession).user;

  protected readonly query = signal('');
  protected readonly users = signal<readonly AdminUserView[]>([]);
  protected readonly next = signal<string | undefined>(undefined);
  protected readonly loading = signal(false);
  protected readonly loaded = signal(false);
  protected readonly busy = signal<string | null>(null);
  /** The query of the rows on screen, for the summary and for "Load more". */
  private shownQuery = '';

  ngOnInit(): void {
    this.search();
  }

  protected search(): void {
    this.shownQuery = this.query().trim();
    this.load();
  }

  protected load(cursor?: string): void {
    if (this.loading()) return;
    this.loading.set(true);
    this.api.users(this.shownQuery, cursor).subscribe({
      next: (page) => {
        this.users.update((users) => (cursor ? [...users, ...page.items] : page.items));
        this.next.set(page.next);
        this.loading.set(false);
        this.loaded.set(true);
      },
      error: () => this.loading.set(false),
    });
  }

  protected actionLabel(user: AdminUserView): string {
    return `${user.disabled ? 'Enable' : 'Disable'} ${user.displayName}, ${user.email}`;
  }

  protected toggle(user: AdminUserView): void {
    if (this.busy()) return;
    const disabled = !user.disabled;
    this.busy.set(user.id);
    this.api.setDisabled(user.id, disabled).subscribe({
      next: () => {
        this.busy.set(null);
        this.users.update((users) => users.map((row) => (row.id === user.id ? { ...row, disabled } : row)));
        this.toasts.show(`${user.displayName} is ${disabled ? 'disabled and signed out everywhere' : 'enabled again'}.`, 'success');
      },
      error: () => this.busy.set(null),
    });
  }
}
