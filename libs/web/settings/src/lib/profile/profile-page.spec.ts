import { HttpEventType, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AVATAR_MAX_BYTES, DEFAULT_USER_PREFERENCES, type Profile } from '@confer/identity/contracts';
import { byButton, byLabel, choose, description, selectByLabel, text, type } from '@confer/web/core/testing';
import { ProfilePage } from './profile-page';

const PROFILE = '/api/identity/profile';
const AVATAR = '/api/identity/profile/avatar';

const saved: Profile = {
  id: 'u1',
  email: 'ada@example.test',
  displayName: 'Ada Lovelace',
  timeZone: 'Europe/London',
  locale: 'en-GB',
  preferences: DEFAULT_USER_PREFERENCES,
  discoverable: true,
  avatarUrl: null,
};

describe('ProfilePage', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<ProfilePage>;
  let page: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ProfilePage);
    page = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    backend.expectOne(PROFILE).flush(saved);
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  it('shows the saved time zone, and saves only the fields that changed', async () => {
    expect(selectByLabel(page, 'Time zone').value).toBe('Europe/London');
    expect(selectByLabel(page, 'Language').value).toBe('en-GB');

    type(byLabel(page, 'Display name'), 'Ada King');
    byLabel(page, 'Join with my microphone off').click();
    byLabel(page, 'Only the host').click();
    byButton(page, 'Save profile')?.click();

    const save = backend.expectOne(PROFILE);
    expect(save.request.method).toBe('PATCH');
    expect(save.request.body).toEqual({ displayName: 'Ada King', preferences: { joinWithMicOff: true, meetingDefaults: { screenShare: 'host' } } });
    save.flush({
      ...saved,
      displayName: 'Ada King',
      preferences: { ...saved.preferences, joinWithMicOff: true, meetingDefaults: { ...saved.preferences.meetingDefaults, screenShare: 'host' } },
    });
    backend.expectOne('/api/identity/me').flush({}); // the header's name follows
    await fixture.whenStable();

    expect(text(page.querySelector('form [role="status"]') as Element)).toBe('Your profile has been saved.');
    expect(byLabel(page, 'Join with my microphone off').checked).toBe(true);
  });

  it("shows the server's problem with a field beside that field", async () => {
    const zone = selectByLabel(page, 'Time zone');
    choose(zone, 'Asia/Tokyo');
    byButton(page, 'Save profile')?.click();

    const save = backend.expectOne(PROFILE);
    expect(save.request.body).toEqual({ timeZone: 'Asia/Tokyo' });
    save.flush(
      { code: 'VALIDATION_FAILED', message: 'The request is not valid.', details: { fields: [{ field: 'timeZone', problems: ['Choose a time zone such as Europe/Berlin.'] }] } },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();

    expect(zone.getAttribute('aria-invalid')).toBe('true');
    expect(description(zone)).toBe('Choose a time zone such as Europe/Berlin.');
    expect(page.querySelector('[role="alert"]')).toBeNull();
    expect(text(page.querySelector('form [role="status"]') as Element)).toBe('');
  });

  describe('picture', () => {
    function choosePicture(file: File): void {
      const input = byLabel(page, 'Choose a picture');
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      input.dispatchEvent(new Event('change'));
    }

    it('uploads the file as the body and shows its progress, then the new picture', async () => {
      expect(page.querySelector('img')).toBeNull(); // initials until there is a picture
      const file = new File([new Uint8Array(1000)], 'me.png', { type: 'image/png' });
      choosePicture(file);

      const upload = backend.expectOne(AVATAR);
      expect(upload.request.method).toBe('PUT');
      expect(upload.request.body).toBe(file);
      expect(upload.request.headers.get('Content-Type')).toBe('image/png');
      upload.event({ type: HttpEventType.UploadProgress, loaded: 250, total: 1000 });
      await fixture.whenStable();

      const progress = page.querySelector('progress') as HTMLProgressElement;
      expect(progress.value).toBe(25);
      expect(text(page.querySelector(`label[for="${progress.id}"]`) as Element)).toBe('Uploading your picture');
      expect(text(page)).toContain('25%');

      upload.event({ type: HttpEventType.UploadProgress, loaded: 1000, total: 1000 });
      await fixture.whenStable();
      expect(progress.value).toBe(100);

      upload.flush({ ...saved, avatarUrl: '/api/identity/avatars/u1/1/128.webp' });
      await fixture.whenStable();
      expect(page.querySelector('progress')).toBeNull();
      expect(page.querySelector('img[alt="Your profile picture"]')?.getAttribute('src')).toBe('/api/identity/avatars/u1/1/128.webp');
      expect(byButton(page, 'Remove picture')).not.toBeNull();
    });

    it('refuses a file over the limit beside the control, without sending it', async () => {
      const file = new File([new Uint8Array(10)], 'huge.png', { type: 'image/png' });
      Object.defineProperty(file, 'size', { value: AVATAR_MAX_BYTES + 1 });
      choosePicture(file);
      await fixture.whenStable();

      backend.expectNone(AVATAR);
      const input = byLabel(page, 'Choose a picture');
      expect(input.getAttribute('aria-invalid')).toBe('true');
      expect(description(input)).toContain('Choose one of at most 5 MB.');
      expect(page.querySelector('progress')).toBeNull();
    });
  });
});
