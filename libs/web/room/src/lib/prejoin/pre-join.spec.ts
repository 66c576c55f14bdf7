import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { MeetingPreview } from '@confer/meetings/contracts';
import { byButton, byLabel, description, type } from '@confer/web/core/testing';
import { PreJoin, type JoinOutcome } from './pre-join';

const JOIN = '/api/meetings/meetings/abc-defg-hij/join';
const preview: MeetingPreview = {
  code: 'abc-defg-hij',
  title: 'Design review',
  hostName: 'Ada Lovelace',
  status: 'scheduled',
  passcodeRequired: true,
  waitingRoom: true,
  guestsAllowed: true,
  locked: false,
};

describe('PreJoin', () => {
  let backend: HttpTestingController;
  let page: HTMLElement;
  let fixture: ReturnType<typeof TestBed.createComponent<PreJoin>>;
  let outcomes: JoinOutcome[];

  async function open(signedInName: string | null, meeting: MeetingPreview = preview): Promise<void> {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(PreJoin);
    fixture.componentRef.setInput('code', 'abc-defg-hij');
    fixture.componentRef.setInput('preview', meeting);
    fixture.componentRef.setInput('signedInName', signedInName);
    outcomes = [];
    fixture.componentInstance.joined.subscribe((outcome) => outcomes.push(outcome));
    page = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  }

  async function submit(): Promise<void> {
    byButton(page, 'Join meeting')?.click();
    await fixture.whenStable();
  }

  afterEach(() => backend.verify());

  it('asks a guest for a name and the passcode before sending anything', async () => {
    await open(null);
    expect(page.textContent).toContain('Hosted by Ada Lovelace');
    await submit();
    expect(description(byLabel(page, 'Your name'))).toBe('Type the name others will see.');
    expect(description(byLabel(page, 'Passcode'))).toBe('This meeting needs a passcode.');
    backend.expectNone(JOIN);
  });

  it('shows a wrong passcode beside the passcode field', async () => {
    await open(null);
    type(byLabel(page, 'Your name'), '  Grace  ');
    type(byLabel(page, 'Passcode'), 'wrong1');
    await submit();
    const request = backend.expectOne(JOIN);
    expect(request.request.body).toEqual({ displayName: 'Grace', passcode: 'wrong1' });
    request.flush({ code: 'PASSCODE_INVALID', message: 'The passcode is not right.' }, { status: 403, statusText: 'Forbidden' });
    await fixture.whenStable();
    expect(description(byLabel(page, 'Passcode'))).toBe('That passcode is not right.');
    expect(page.querySelector('[role="alert"].form-error')).toBeNull();
    expect(outcomes).toEqual([]);
  });

  it('joins a signed-in person under their account with the microphone and camera they chose', async () => {
    await open('Ada Lovelace', { ...preview, passcodeRequired: false });
    backend.expectOne('/api/identity/profile').flush({ preferences: { joinWithMicOff: true, joinWithCameraOff: false } });
    await fixture.whenStable();
    expect(page.textContent).toContain('Joining as Ada Lovelace');
    expect(byLabel(page, 'Join with microphone on').checked).toBe(false);
    expect(byLabel(page, 'Join with camera on').checked).toBe(true);
    await submit();
    backend.expectOne(JOIN).flush({ status: 'waiting', ticket: 't', identity: 'u1' }, { status: 202, statusText: 'Accepted' });
    expect(outcomes).toEqual([{ result: { status: 'waiting', ticket: 't', identity: 'u1' }, media: expect.objectContaining({ microphoneOn: false, cameraOn: true }) }]);
  });

  it('explains a rate limit above the button', async () => {
    await open(null, { ...preview, passcodeRequired: false });
    type(byLabel(page, 'Your name'), 'Grace');
    await submit();
    backend.expectOne(JOIN).flush({ code: 'RATE_LIMITED', message: 'Too many requests.' }, { status: 429, statusText: 'Too Many Requests' });
    await fixture.whenStable();
    expect(page.querySelector('.form-error')?.textContent).toContain('Too many attempts');
  });
});
