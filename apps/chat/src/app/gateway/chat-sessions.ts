import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Server, Socket } from 'socket.io';
import { ChatErrorCode, type ChatErrorEvent, type ChatReady } from '@confer/chat/contracts';
import type { ChatAccess } from '@confer/meetings/contracts';
import { CommonErrorCode, type Revocation } from '@confer/shared/contracts';
import { AUTH_SETTINGS, AccessTokenVerifier, AuthErrorCode, RevocationRegistry, revokes, type AuthSettings, type RevocableClaims } from '@confer/shared/server/auth';
import { clientAddress, RateLimiter } from '@confer/shared/server/platform';
import { DomainError } from '@confer/shared/util';
import { liveRefusal } from '../access/chat-policy';
import { invalid, originNotAllowed } from '../access/chat.errors';
import { MeetingAccessClient, type AccessSubject } from '../access/meeting-access.client';
import { CHAT_CONFIG } from '../chat.tokens';
import type { ChatConfig } from '../chat.env';
import { MemberRepository } from '../members/member.repository';
import { CHAT_RATE_LIMITS, type ChatRateLimits } from '../messages/chat.limits';
import { MessageRepository } from '../messages/message.repository';
import type { Speaker } from '../messages/speaker';
import { ChatBroadcaster } from './chat-broadcaster';
import { meetingRoom, personRoom } from './chat-rooms';
import { originAllowed, parseHandshake } from './handshake';
import { TokenExpiry } from './token-expiry';

/** What a connection holds about its person (socket.data): who they are and how to ask meetings again. */
export interface ChatSession {
  code: string;
  meetingId: string;
  identity: string;
  userId: string | null;
  guest: boolean;
  subject: AccessSubject;
  /** A signed-in person's current token (revocation and expiry); none for guests. */
  claims?: RevocableClaims & { exp: number };
  ready: ChatReady;
}

const CLOSED = {
  revoked: { code: AuthErrorCode.TokenRevoked, message: 'The session has ended; sign in again.' },
  expired: { code: AuthErrorCode.TokenExpired, message: 'The access token has expired; connect again with a fresh one.' },
} satisfies Record<string, ChatErrorEvent>;

/**
 * Who is on each connection, checked at the handshake and again on every event: the Origin, the access
 * token (as strictly as the HTTP guard) or a guest's ticket, and meetings' word that they are in the
 * meeting (cached briefly). A connection closes when its token is revoked or expires without a fresh
 * one, or when meetings no longer counts its person in.
 */
@Injectable()
export class ChatSessions implements OnModuleDestroy {
  private readonly origins: readonly string[];
  private readonly expiry: TokenExpiry;
  private readonly trustedProxyHops: number;
  private stopWatching?: () => void;

  constructor(
    @Inject(CHAT_CONFIG) config: ChatConfig,
    @Inject(AUTH_SETTINGS) private readonly auth: AuthSettings,
    private readonly verifier: AccessTokenVerifier,
    private readonly revocations: RevocationRegistry,
    private readonly access: MeetingAccessClient,
    private readonly members: MemberRepository,
    private readonly messages: MessageRepository,
    private readonly broadcaster: ChatBroadcaster,
    private readonly limiter: RateLimiter,
    @Inject(CHAT_RATE_LIMITS) private readonly limits: ChatRateLimits,
  ) {
    this.origins = [new URL(config.PUBLIC_ORIGIN).origin, ...config.CHAT_EXTRA_ORIGINS];
    this.expiry = new TokenExpiry(auth.clockToleranceSeconds);
    this.trustedProxyHops = config.TRUSTED_PROXY_HOPS;
  }

  /** The handshake: fills socket.data or throws the refusal. */
  async open(socket: Socket): Promise<void> {
    if (!originAllowed(socket.handshake.headers.origin, this.origins)) throw originNotAllowed();
    await this.limiter.enforce(this.limits.handshakes, clientAddress(socket.request, this.trustedProxyHops));
    const { code, credential } = parseHandshake(socket.handshake.auth);
    let subject: AccessSubject;
    let claims: ChatSession['claims'];
    if ('token' in credential) {
      const verified = await this.verifier.verifyClaims(credential.token);
      claims = { sub: verified.sub, sid: verified.sid, iat: verified.iat, exp: verified.exp };
      subject = { userId: verified.sub };
    } else {
      subject = { ticket: credential.ticket };
    }
    const access = await this.access.get(code, subject);
    const refusal = liveRefusal(access);
    if (refusal) throw refusal;
    const { meeting, participant } = access as ChatAccess;
    if (!claims && participant.userId !== null) {
      throw new DomainError(CommonErrorCode.Unauthenticated, 'unauthenticated', 'Signed-in people connect with their access token.');
    }
    await this.members.record({ meetingId: meeting.id, identity: participant.identity, userId: participant.userId, displayName: participant.displayName });
    const guest = participant.userId === null;
    const session: ChatSession = {
      code,
      meetingId: meeting.id,
      identity: participant.identity,
      userId: participant.userId,
      guest,
      subject,
      claims,
      ready: {
        meeting: { id: meeting.id, code: meeting.code, allowChat: meeting.allowChat },
        me: { identity: participant.identity, displayName: participant.displayName, role: participant.role, guest },
        latestVersion: await this.messages.latestVersion(meeting.id),
      },
    };
    socket.data = session;
  }

  /** Once connected: into its rooms, its token watched. Synchronous, so no event of it can come first. */
  connected(socket: Socket): ChatReady {
    const session = sessionOf(socket);
    void socket.join([meetingRoom(session.meetingId), personRoom(session.meetingId, session.identity)]);
    if (session.claims) this.expiry.schedule(socket.id, session.claims.exp, () => this.broadcaster.closeSocket(socket, CLOSED.expired));
    return session.ready;
  }

  disconnected(socket: Socket): void {
    this.expiry.clear(socket.id);
  }

  /** Closes this instance's connections whose token a revocation ends, at once. */
  watch(server: Server): void {
    this.stopWatching = this.revocations.onRevoked((revocation: Revocation) => {
      for (const socket of server.sockets.sockets.values()) {
        const claims = (socket.data as Partial<ChatSession>).claims;
        if (claims && revokes(revocation, claims)) this.broadcaster.closeSocket(socket, CLOSED.revoked);
      }
    });
  }

  /**
   * The person behind an event, as meetings sees them now. A connection whose person may no longer
   * be in the live chat is closed, and the event refused.
   */
  async speaker(socket: Socket): Promise<Speaker> {
    const session = sessionOf(socket);
    if (session.claims && this.revocations.isRevoked(session.claims)) return this.closeWith(socket, CLOSED.revoked);
    if (session.claims && session.claims.exp + this.auth.clockToleranceSeconds < Date.now() / 1000) return this.closeWith(socket, CLOSED.expired);
    const access = await this.access.get(session.code, session.subject);
    const refusal = liveRefusal(access);
    if (refusal || !access || access.participant.identity !== session.identity) {
      const removed = access?.participant.status === 'removed';
      return this.closeWith(
        socket,
        removed
          ? { code: ChatErrorCode.ParticipantRemoved, message: 'A host removed you from this meeting.' }
          : { code: refusal?.code ?? ChatErrorCode.ChatNotFound, message: refusal?.message ?? 'There is no such meeting chat.' },
      );
    }
    const { meeting, participant } = access;
    return {
      meetingId: meeting.id,
      code: meeting.code,
      identity: participant.identity,
      userId: participant.userId,
      displayName: participant.displayName,
      role: participant.role,
      guest: session.guest,
      allowChat: meeting.allowChat,
      socketId: socket.id,
    };
  }

  /** `chat:token`: a fresh access token of the same person moves the connection's deadline. */
  async refreshToken(socket: Socket, token: string): Promise<{ expiresAt: number }> {
    const session = sessionOf(socket);
    if (!session.claims) throw invalid('Guests have no access token to renew.');
    const verified = await this.verifier.verifyClaims(token);
    if (verified.sub !== session.claims.sub) {
      throw new DomainError(AuthErrorCode.TokenInvalid, 'unauthenticated', 'The access token belongs to someone else.');
    }
    session.claims = { sub: verified.sub, sid: verified.sid, iat: verified.iat, exp: verified.exp };
    this.expiry.schedule(socket.id, verified.exp, () => this.broadcaster.closeSocket(socket, CLOSED.expired));
    return { expiresAt: verified.exp };
  }

  onModuleDestroy(): void {
    this.stopWatching?.();
    this.expiry.clearAll();
  }

  private closeWith(socket: Socket, error: ChatErrorEvent): never {
    this.broadcaster.closeSocket(socket, error);
    throw new DomainError(error.code, 'forbidden', error.message);
  }
}

function sessionOf(socket: Socket): ChatSession {
  return socket.data as ChatSession;
}
