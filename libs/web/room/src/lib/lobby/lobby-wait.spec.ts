import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { LobbyPollResult } from '@confer/meetings/contracts';
import { LOBBY_POLL_MS, LobbyWait } from './lobby-wait';

const POLL = '/api/meetings/meetings/abc-defg-hij/lobby/ticket-1';

describe('LobbyWait', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('asks until a host decides, through a failed poll, and then stops', async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(LobbyWait);
    fixture.componentRef.setInput('code', 'abc-defg-hij');
    fixture.componentRef.setInput('ticket', 'ticket-1');
    const decisions: LobbyPollResult[] = [];
    fixture.componentInstance.decided.subscribe((decision) => decisions.push(decision));
    fixture.detectChanges();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('Waiting for the host to let you in');

    jest.advanceTimersByTime(LOBBY_POLL_MS);
    backend.expectOne(POLL).flush({ status: 'waiting', ticket: 'ticket-1', identity: 'g1' });
    jest.advanceTimersByTime(LOBBY_POLL_MS);
    backend.expectOne(POLL).flush(null, { status: 0, statusText: 'Unknown Error' });
    jest.advanceTimersByTime(LOBBY_POLL_MS);
    backend.expectOne(POLL).flush({ status: 'denied' });
    expect(decisions).toEqual([{ status: 'denied' }]);
    jest.advanceTimersByTime(LOBBY_POLL_MS * 3);
    backend.verify();
  });

  it('stops asking when the page goes away', () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(LobbyWait);
    fixture.componentRef.setInput('code', 'abc-defg-hij');
    fixture.componentRef.setInput('ticket', 'ticket-1');
    fixture.detectChanges();
    fixture.destroy();
    jest.advanceTimersByTime(LOBBY_POLL_MS * 3);
    backend.verify();
  });
});
