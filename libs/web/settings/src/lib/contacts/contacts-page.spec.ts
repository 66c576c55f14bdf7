import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Contact, DirectoryEntry } from '@confer/identity/contracts';
import { byButton, byLabel, text, type } from '@confer/web/core/testing';
import { ContactsPage } from './contacts-page';

const ada: DirectoryEntry = { id: '0b8f5c1e-0000-4000-8000-000000000001', displayName: 'Ada Lovelace', avatarUrl: null };
const adam: DirectoryEntry = { id: '0b8f5c1e-0000-4000-8000-000000000002', displayName: 'Adam Smith', avatarUrl: '/api/identity/avatars/x/1/128.webp' };
const adamContact: Contact = { user: adam, favourite: false, addedAt: '2025-03-01T09:00:00.000Z' };
const adaContact: Contact = { user: ada, favourite: false, addedAt: '2025-03-02T09:00:00.000Z' };

describe('ContactsPage', () => {
  it('adds a search result to the contacts, then makes it a favourite', async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    const backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(ContactsPage);
    const page = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    backend.expectOne((request) => request.url === '/api/identity/contacts').flush({ items: [adamContact] });
    await fixture.whenStable();

    type(byLabel(page, 'Find people'), 'Ada');
    byButton(page, 'Search')?.click();
    const search = backend.expectOne((request) => request.url === '/api/identity/directory/search');
    expect(search.request.params.get('q')).toBe('Ada');
    search.flush({ items: [ada, adam] });
    await fixture.whenStable();

    expect(byButton(page, 'Adam Smith is in your contacts')?.getAttribute('aria-disabled')).toBe('true');
    const add = byButton(page, 'Add Ada Lovelace to contacts');
    add?.click();
    const put = backend.expectOne(`/api/identity/contacts/${ada.id}`);
    expect(put.request.method).toBe('PUT');
    put.flush(adaContact);
    await fixture.whenStable();

    // The same button now says so, and keeps focus rather than vanishing.
    expect(add?.getAttribute('aria-label')).toBe('Ada Lovelace is in your contacts');
    expect(add?.getAttribute('aria-disabled')).toBe('true');
    const list = page.querySelector('ul[aria-labelledby="contacts-title"]') as HTMLElement;
    expect(Array.from(list.querySelectorAll('li')).map((item) => text(item))).toEqual([
      expect.stringContaining('Ada Lovelace'),
      expect.stringContaining('Adam Smith'),
    ]);

    const favourite = byButton(list, 'Favourite Ada Lovelace');
    expect(favourite?.getAttribute('aria-pressed')).toBe('false');
    favourite?.click();
    const patch = backend.expectOne(`/api/identity/contacts/${ada.id}`);
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toEqual({ favourite: true });
    patch.flush({ ...adaContact, favourite: true });
    await fixture.whenStable();

    expect(byButton(list, 'Favourite Ada Lovelace')?.getAttribute('aria-pressed')).toBe('true');
    expect(byButton(list, 'Remove Ada Lovelace')).not.toBeNull();
    backend.verify();
  });
});
