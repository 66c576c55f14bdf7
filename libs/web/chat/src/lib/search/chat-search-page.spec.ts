import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ChatSearchHit } from '@confer/chat/contracts';
import { byButton, byLabel, text, type } from '@confer/web/core/testing';
import { ADA, aMessage, GWEN, HEDY } from '../../testing/fake-chat-socket';
import { ChatSearchPage } from './chat-search-page';

const SEARCH = '/api/chat/search';
const hit = (code: string, seq: number, body: string, extra = {}): ChatSearchHit => ({ meetingCode: code, message: aMessage(seq, ADA, body, extra) });

describe('ChatSearchPage', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<ChatSearchPage>;
  let page: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ChatSearchPage);
    page = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });
  afterEach(() => backend.verify());

  async function search(words: string): Promise<void> {
    type(byLabel(page, 'Search chat messages'), words);
    byButton(page, 'Search')?.click();
    await fixture.whenStable();
  }

  const status = () => text(page.querySelector('[aria-live="polite"]') as Element);
  const results = () => Array.from(page.querySelectorAll('ul[aria-label="Search results"] li'));

  it('lists matches with their meeting (a link to its page), author, time and text, and announces the count', async () => {
    await search('budget');
    const request = backend.expectOne((candidate) => candidate.url === SEARCH && candidate.params.get('q') === 'budget' && !candidate.params.has('cursor'));
    request.flush({
      results: [hit('abc-defg-hij', 5, 'The budget is https://example.com/b'), hit('xyz-wxyz-abc', 2, 'budget?', { from: { ...GWEN, guest: true }, to: HEDY })],
      nextCursor: null,
    });
    await fixture.whenStable();

    expect(status()).toBe('2 messages found');
    const [first, second] = results();
    expect(first.querySelector('a[aria-label="Meeting abc-defg-hij"]')?.getAttribute('href')).toBe('/meetings/abc-defg-hij');
    expect(text(first)).toContain('Ada');
    expect(text(first)).toContain('The budget is https://example.com/b');
    expect(Array.from(first.querySelectorAll('mark')).map(text)).toEqual(['budget']);
    expect(first.querySelector('a[href="https://example.com/b"]')?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(first.querySelector('time')?.getAttribute('datetime')).toBeTruthy();
    expect(text(second)).toContain('Gwen');
    expect(text(second)).toContain('(private, to Hedy)');
    expect(byButton(page, 'More results')).toBeNull();
  });

  it('"More results" asks with the cursor and adds to the list', async () => {
    await search('budget');
    backend.expectOne((candidate) => candidate.url === SEARCH).flush({ results: [hit('abc-defg-hij', 5, 'budget one')], nextCursor: 'next-1' });
    await fixture.whenStable();
    expect(status()).toBe('1 message found, more available');

    byButton(page, 'More results')?.click();
    backend
      .expectOne((candidate) => candidate.url === SEARCH && candidate.params.get('q') === 'budget' && candidate.params.get('cursor') === 'next-1')
      .flush({ results: [hit('abc-defg-hij', 1, 'budget two')], nextCursor: null });
    await fixture.whenStable();

    expect(results().map(text).map((line) => line.includes('budget one') || line.includes('budget two'))).toEqual([true, true]);
    expect(status()).toBe('2 messages found');
    expect(byButton(page, 'More results')).toBeNull();
  });

  it('says when nothing matched, and does not search for blanks', async () => {
    await search('   ');
    backend.expectNone(() => true);

    await search('zebra');
    backend.expectOne((candidate) => candidate.url === SEARCH).flush({ results: [], nextCursor: null });
    await fixture.whenStable();

    expect(status()).toBe('No messages found');
    expect(results()).toHaveLength(0);
  });
});
