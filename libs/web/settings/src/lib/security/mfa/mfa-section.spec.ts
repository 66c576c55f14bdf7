import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { MfaEnrollment } from '@confer/identity/contracts';
import { byButton, byLabel, text, type } from '@confer/web/core/testing';
import { MfaSection } from './mfa-section';

const qrSvg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 29 29"><script>alert(1)</script><path d="M0 0h7v7H0z"/></svg>';
const enrollment: MfaEnrollment = { otpauthUri: 'otpauth://totp/Confer:grace?secret=JBSWY3DPEHPK3PXP', secret: 'JBSWY3DPEHPK3PXP', qrSvg };
const recoveryCodes = Array.from({ length: 10 }, (_, i) => `abcd-efgh-${i}`);

describe('MfaSection', () => {
  it('shows the QR code as an image (never as markup), confirms with a code, then shows the recovery codes once', async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    const backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(MfaSection);
    const element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();

    byButton(element, 'Turn on two-step sign-in')?.click();
    backend.expectOne('/api/identity/mfa/enroll').flush(enrollment);
    await fixture.whenStable();

    const qr = element.querySelector('img');
    expect(qr?.getAttribute('alt')).toBe('QR code to add Confer to your authenticator app');
    const src = qr?.getAttribute('src') ?? '';
    expect(src.startsWith('data:image/svg+xml;base64,')).toBe(true);
    expect(atob(src.slice('data:image/svg+xml;base64,'.length))).toBe(qrSvg);
    expect(element.querySelector('svg, script')).toBeNull();
    expect(text(element)).toContain('JBSWY3DPEHPK3PXP');

    type(byLabel(element, 'Code from the app'), '123456');
    byButton(element, 'Turn on')?.click();
    const confirm = backend.expectOne('/api/identity/mfa/confirm');
    expect(confirm.request.body).toEqual({ code: '123456' });
    confirm.flush({ recoveryCodes });
    backend.expectOne('/api/identity/me').flush({});
    await fixture.whenStable();

    expect(element.querySelectorAll('li code')).toHaveLength(10);
    expect(element.querySelector('img')).toBeNull();
    byButton(element, 'I have saved them')?.click();
    await fixture.whenStable();
    expect(element.querySelectorAll('li code')).toHaveLength(0);
    expect(element.querySelector('[role="status"]')?.textContent).toContain('Two-step sign-in is on.');
    backend.verify();
  });
});
