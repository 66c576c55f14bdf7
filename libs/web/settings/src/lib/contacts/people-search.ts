import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { type Contact, DIRECTORY_QUERY, type DirectoryEntry } from '@confer/identity/contracts';
import { formFeedback } from '@confer/web/auth';
import { ToastService } from '@confer/web/core';
import { UserAvatar } from '../people/user-avatar';
import { ContactsApi } from './contacts-api';
import { FieldControl, FieldError } from '@confer/web/auth';

/** Find people by the start of their name or their exact address, and add them to your contacts. */
@Component({
  selector: 'cf-people-search',
  imports: [FieldControl, FieldError, ReactiveFormsModule, UserAvatar],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './people-search.html',
})
export class PeopleSearch {
  private readonly api = inject(ContactsApi);
  private readonly toasts = inject(ToastService);

  /** Who is in your contacts already: their result says so instead of offering to add them. */
  readonly contactIds = input.required<ReadonlySet<string>>();
  readonly added = output<Contact>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    q: ['', [Validators.required, Validators.minLength(DIRECTORY_QUERY.minLength), Validators.maxLength(DIRECTORY_QUERY.maxLength)]],
  });
  protected readonly feedback = formFeedback(this.form, 'people-search', {
    q: { required: 'Type a name or an email address.', minlength: `Type at least ${DIRECTORY_QUERY.minLength} characters.` },
  });
  protected readonly results = signal<readonly DirectoryEntry[] | null>(null);
  protected readonly next = signal<string | undefined>(undefined);
  protected readonly loadingMore = signal(false);
  protected readonly adding = signal<string | null>(null);
  protected readonly summary = computed(() => {
    const found = this.results();
    if (found === null) return '';
    if (found.length === 0) return 'No one found. Try the start of a name, or an exact email address.';
    const people = found.length === 1 ? '1 person' : `${found.length} people`;
    return this.next() ? `Showing ${people}; there are more.` : `Found ${people}.`;
  });
  /** The query of the results on screen, for "Load more". */
  private shownQuery = '';

  protected search(): void {
    if (!this.feedback.start()) return;
    const query = this.form.controls.q.value.trim();
    this.api.search(query).subscribe({
      next: (page) => {
        this.feedback.succeed();
        this.shownQuery = query;
        this.results.set(page.items);
        this.next.set(page.next);
      },
      error: (error: unknown) => this.feedback.fail(error),
    });
  }

  protected loadMore(cursor: string): void {
    if (this.loadingMore()) return;
    this.loadingMore.set(true);
    this.api.search(this.shownQuery, cursor).subscribe({
      next: (page) => {
        this.loadingMore.set(false);
        this.results.update((results) => [...(results ?? []), ...page.items]);
        this.next.set(page.next);
      },
      error: (error: unknown) => {
        this.loadingMore.set(false);
        this.feedback.fail(error);
      },
    });
  }

  protected add(person: DirectoryEntry): void {
    if (this.adding() || this.contactIds().has(person.id)) return;
    this.adding.set(person.id);
    this.api.add(person.id).subscribe({
      next: (contact) => {
        this.adding.set(null);
        this.added.emit(contact);
        this.toasts.show(`${person.displayName} is now in your contacts.`, 'success');
      },
      error: () => this.adding.set(null),
    });
  }
}
