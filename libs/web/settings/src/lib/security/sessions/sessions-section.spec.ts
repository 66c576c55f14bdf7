import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { SessionInfo } from '@confer/identity/contracts';
import { byButton, text } from '@confer/web/core/testing';
import { SessionsSection } from './sessions-section';

const sessions: SessionInfo[] = [
  { id: 's1', device: 'Chrome on Linux', ip: '203.0.113.5', createdAt: '2025-03-01T09:00:00.000Z', lastSeenAt: '2025-03-02T10:00:00.000Z', current: true },
  { id: 's2', device: 'Firefox on Windows', ip: '198.51.100.2', createdAt: '2025-02-01T09:00:00.000Z', lastSeenAt: '2025-02-20T08:30:00.000Z', current: false },
];

describe('SessionsSection', () => {
  it('marks this device and revokes another session from a button that names it', async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    const backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(SessionsSection);
    const element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    backend.expectOne('/api/identity/auth/sessions').flush(sessions);
    await fixture.whenStable();

    const rows = Array.from(element.querySelectorAll('tbody tr'));
    expect(rows.map(text)).toEqual([expect.stringContaining('Chrome on Linux This device'), expect.not.stringContaining('This device')]);
    expect(byButton(rows[0], /Revoke/)).toBeNull();

    const revoke = byButton(element, 'Revoke session Firefox on Windows, 198.51.100.2');
    expect(revoke).not.toBeNull();
    revoke?.click();
    const call = backend.expectOne('/api/identity/auth/sessions/s2');
    expect(call.request.method).toBe('DELETE');
    call.flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();

    expect(element.querySelectorAll('tbody tr')).toHaveLength(1);
    expect(byButton(element, /Revoke session Firefox/)).toBeNull();
    backend.verify();
  });
});
