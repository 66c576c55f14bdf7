import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ActivatedRoute, convertToParamMap } from '@angular/router';
import { AuthSession } from '@confer/web/auth';
import { ChatConnection } from '@confer/web/chat';
import { RoomSession, type SessionState } from './live/room-session';
import { MeetingPage } from './meeting-page';

describe('MeetingPage', () => {
  it('ends the room when the chat hears that the meeting ended, should LiveKit’s word be lost', () => {
    const chat = { meetingEnded: signal(false), connect: jest.fn(), disconnect: jest.fn() };
    const session = { state: signal<SessionState>('reconnecting'), ticket: 'ticket-1', endedElsewhere: jest.fn(async () => undefined) };
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: ActivatedRoute, useValue: { snapshot: { paramMap: convertToParamMap({ code: 'abc-defg-hij' }) } } },
        { provide: AuthSession, useValue: { user: signal(null), isSignedIn: signal(false), whenRestored: () => new Promise(() => undefined) } },
      ],
    });
    TestBed.overrideComponent(MeetingPage, {
      set: { providers: [{ provide: RoomSession, useValue: session }, { provide: ChatConnection, useValue: chat }] },
    });
    TestBed.createComponent(MeetingPage);
    TestBed.tick();
    expect(session.endedElsewhere).not.toHaveBeenCalled();

    chat.meetingEnded.set(true);
    TestBed.tick();
    expect(session.endedElsewhere).toHaveBeenCalledTimes(1);
  });
});
