import { escapeHtml, textAttachment } from './mail';
import { retryDelayMs } from './mail-sender';

describe('mail', () => {
  it('backs off from one second, doubling, up to fifteen minutes', () => {
    expect([0, 1, 2, 5].map(retryDelayMs)).toEqual([1000, 2000, 4000, 32000]);
    expect(retryDelayMs(30)).toBe(15 * 60_000);
  });

  it('keeps text attachments as base64 of their UTF-8 bytes', () => {
    const attachment = textAttachment('invite.ics', 'text/calendar; method=REQUEST; charset=UTF-8', 'SUMMARY:Café');
    expect(Buffer.from(attachment.content, 'base64').toString('utf8')).toBe('SUMMARY:Café');
    expect(attachment.contentType).toBe('text/calendar; method=REQUEST; charset=UTF-8');
  });

  it('escapes HTML', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
