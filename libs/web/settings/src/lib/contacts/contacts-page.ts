import { afterNextRender, ChangeDetectionStrategy, Component, computed, type ElementRef, inject, Injector, type OnInit, signal, viewChild } from '@angular/core';
import type { Contact } from '@confer/identity/contracts';
import { ToastService } from '@confer/web/core';
import { UserAvatar } from '../people/user-avatar';
import { withContact, withPage } from './contact-list';
import { ContactsApi } from './contacts-api';
import { PeopleSearch } from './people-search';

/** /settings/contacts: find people and add them; mark favourites; remove contacts. */
@Component({
  selector: 'cf-contacts-page',
  imports: [PeopleSearch, UserAvatar],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './contacts-page.html',
})
export class ContactsPage implements OnInit {
  private readonly api = inject(ContactsApi);
  private readonly toasts = inject(ToastService);
  private readonly injector = inject(Injector);
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');

  protected readonly contacts = signal<readonly Contact[]>([]);
  protected readonly contactIds = computed(() => new Set(this.contacts().map((contact) => contact.user.id)));
  protected readonly next = signal<string | undefined>(undefined);
  protected readonly loading = signal(false);
  protected readonly loaded = signal(false);
  /** The contact whose button is waiting for the server. */
  protected readonly busy = signal<string | null>(null);

  ngOnInit(): void {
    this.load();
  }

  protected load(cursor?: string): void {
    if (this.loading()) return;
    this.loading.set(true);
    this.api.contacts(cursor).subscribe({
      next: (page) => {
        this.contacts.update((contacts) => (cursor ? withPage(contacts, page.items) : page.items));
        this.next.set(page.next);
        this.loading.set(false);
        this.loaded.set(true);
      },
      error: () => this.loading.set(false),
    });
  }

  protected added(contact: Contact): void {
    this.contacts.update((contacts) => withContact(contacts, contact));
  }

  protected toggleFavourite(contact: Contact): void {
    if (this.busy()) return;
    this.busy.set(contact.user.id);
    this.api.setFavourite(contact.user.id, !contact.favourite).subscribe({
      next: (updated) => {
        this.busy.set(null);
        this.contacts.update((contacts) => withContact(contacts, updated));
      },
      error: () => this.busy.set(null),
    });
  }

  protected remove(contact: Contact): void {
    if (this.busy()) return;
    this.busy.set(contact.user.id);
    this.api.remove(contact.user.id).subscribe({
      next: () => {
        this.busy.set(null);
        this.contacts.update((contacts) => contacts.filter((item) => item.user.id !== contact.user.id));
        this.toasts.show(`${contact.user.displayName} is no longer in your contacts.`, 'success');
        // The row and its buttons are gone: start again from the list's heading.
        afterNextRender(() => this.heading().nativeElement.focus(), { injector: this.injector });
      },
      error: () => this.busy.set(null),
    });
  }
}
