import { TestBed } from '@angular/core/testing';
import { linkify } from './linkify';
import { MessageText } from './message-text';

const XSS = [
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(document.cookie)">',
  '"><svg onload=alert(1)>',
  '<a href="javascript:alert(1)">click</a>',
  'javascript:alert(1)',
  '{{ constructor.constructor("alert(1)")() }}',
  '<iframe src="https://evil.example/"></iframe>',
];

describe('linkify', () => {
  it('makes http and https URLs links, with the text as written and the punctuation after them left out', () => {
    expect(linkify('Notes: https://example.com/a?b=1&c=2#top. And http://example.org/x, too')).toEqual([
      { kind: 'text', text: 'Notes: ' },
      { kind: 'link', text: 'https://example.com/a?b=1&c=2#top', href: 'https://example.com/a?b=1&c=2#top' },
      { kind: 'text', text: '. And ' },
      { kind: 'link', text: 'http://example.org/x', href: 'http://example.org/x' },
      { kind: 'text', text: ', too' },
    ]);
    expect(linkify('(see https://en.wikipedia.org/wiki/Tea_(meal))')).toEqual([
      { kind: 'text', text: '(see ' },
      { kind: 'link', text: 'https://en.wikipedia.org/wiki/Tea_(meal)', href: 'https://en.wikipedia.org/wiki/Tea_(meal)' },
      { kind: 'text', text: ')' },
    ]);
  });

  it('links nothing but absolute http(s) URLs', () => {
    for (const text of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'www.example.com', 'ftp://example.com/f', 'https://', 'mailto:a@b.c']) {
      expect(linkify(text).filter((part) => part.kind === 'link')).toEqual([]);
    }
  });

  it('stops a link where markup would start, so quotes and brackets never get into an href', () => {
    const parts = linkify('https://example.com/"><script>alert(1)</script>');
    expect(parts[0]).toEqual({ kind: 'link', text: 'https://example.com/', href: 'https://example.com/' });
    expect(parts.map((part) => part.text).join('')).toBe('https://example.com/"><script>alert(1)</script>');
  });
});

describe('MessageText', () => {
  function render(text: string): HTMLElement {
    const fixture = TestBed.createComponent(MessageText);
    fixture.componentRef.setInput('text', text);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('shows markup exactly as text and creates no element from it', () => {
    for (const payload of XSS) {
      const element = render(payload);
      expect(element.textContent).toBe(payload);
      expect(element.querySelectorAll('script, img, svg, iframe').length).toBe(0);
      expect([...element.querySelectorAll('a')].map((a) => a.getAttribute('href'))).not.toContain('javascript:alert(1)');
    }
  });

  it('renders links as anchors that open in a new tab without an opener or referrer', () => {
    const element = render('Slides: https://example.com/deck <b>now</b>');
    const links = element.querySelectorAll('a');
    expect(links).toHaveLength(1);
    expect(links[0].getAttribute('href')).toBe('https://example.com/deck');
    expect(links[0].getAttribute('rel')).toBe('noopener noreferrer');
    expect(links[0].getAttribute('target')).toBe('_blank');
    expect(element.textContent).toBe('Slides: https://example.com/deck <b>now</b>');
    expect(element.querySelector('b')).toBeNull();
  });
});
