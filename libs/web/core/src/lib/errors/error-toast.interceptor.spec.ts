import { HttpClient, HttpContext, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { ToastService } from '../toast/toast.service';
import { errorToastInterceptor } from './error-toast.interceptor';
import { SILENT_ERRORS } from './silent-errors';

describe('errorToastInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let toasts: ToastService;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([errorToastInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    toasts = TestBed.inject(ToastService);
  });

  afterEach(() => backend.verify());

  it("shows the service's own message as an error toast", async () => {
    const call = firstValueFrom(http.get('/api/meetings/m1'));
    backend.expectOne('/api/meetings/m1').flush({ code: 'MEETING_LOCKED', message: 'The meeting is locked.' }, { status: 409, statusText: 'Conflict' });
    await expect(call).rejects.toBeTruthy();
    expect(toasts.toasts()).toEqual([expect.objectContaining({ kind: 'error', message: 'The meeting is locked.' })]);
  });

  it('says the server is unreachable when the network fails', async () => {
    const call = firstValueFrom(http.get('/api/chat/rooms'));
    backend.expectOne('/api/chat/rooms').error(new ProgressEvent('error'));
    await expect(call).rejects.toBeTruthy();
    expect(toasts.toasts()[0]?.message).toMatch(/can't be reached/);
  });

  it('stays quiet for a request that shows its own failures', async () => {
    const call = firstValueFrom(http.get('/api/identity/health', { context: new HttpContext().set(SILENT_ERRORS, true) }));
    backend.expectOne('/api/identity/health').flush({}, { status: 503, statusText: 'Service Unavailable' });
    await expect(call).rejects.toBeTruthy();
    expect(toasts.toasts()).toEqual([]);
  });
});
