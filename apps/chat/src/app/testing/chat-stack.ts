import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { CHAT_SOCKET_PATH, ChatServerEvent, type ChatAck, type ChatErrorEvent, type ChatHandshakeAuth, type ChatMessage, type ChatReady } from '@confer/chat/contracts';
import type { SessionGrant } from '@confer/identity/contracts';
import type { JoinResult, MeetingSettings } from '@confer/meetings/contracts';
import { mailTo, startTestPlatform, type ServiceHandle, type TestPlatform } from '@confer/shared/server/devstack';

const PASSWORD = 'chatting all day long';

export interface Account {
  id: string;
  email: string;
  name: string;
  token: string;
}

export interface Answer<T = unknown> {
  status: number;
  body: T;
}

/** `via`: straight to that chat instance instead of through the edge; `from`: the client's address. */
export interface SocketOptions {
  via?: ServiceHandle;
  origin?: string | null;
  from?: string;
}

/** A socket.io client of the chat, with what it received. */
export interface ChatClient {
  socket: Socket;
  ready: ChatReady;
  /** Every `chat:message` received, in arrival order. */
  messages: ChatMessage[];
  errors: ChatErrorEvent[];
  closed: ChatErrorEvent[];
  /** Emits with an ack and resolves with it. */
  ask<T extends object = object>(event: string, payload: unknown): Promise<ChatAck<T>>;
  /** Resolves once a `chat:message` matching `accept` has arrived (or had). */
  receive(accept: (message: ChatMessage) => boolean, timeoutMs?: number): Promise<ChatMessage>;
  close(): void;
}

/**
 * identity, meetings and chat as built (with LiveKit, which admitting someone needs, and Mailpit), behind
 * the edge, on a fresh database and Redis; optionally a second chat instance on the same Redis.
 */
export class ChatStack {
  private ip = 10;

  private constructor(
    readonly test: TestPlatform,
    readonly identity: ServiceHandle,
    readonly meetings: ServiceHandle,
    readonly chat: ServiceHandle,
    readonly chatB: ServiceHandle | undefined,
  ) {}

  /** `s3`: with versitygw, for shared files. */
  /** `chat`: more settings of the chat instances. */
  static async start(name: string, options: { secondChat?: boolean; s3?: boolean; chat?: NodeJS.ProcessEnv } = {}): Promise<ChatStack> {
    const test = await startTestPlatform({
      name,
      services: ['identity', 'meetings', 'chat'],
      companions: { livekit: true, s3: options.s3 ?? false, mail: true },
      logLevel: 'warn',
      settings: options.chat ? { chat: options.chat } : undefined,
    });
    try {
      const byName = (service: string) => test.platform.services.find((s) => s.name === service) as ServiceHandle;
      const chatB = options.secondChat ? await test.platform.startInstance('chat') : undefined;
      return new ChatStack(test, byName('identity'), byName('meetings'), byName('chat'), chatB);
    } catch (error) {
      await test.stop();
      throw error;
    }
  }

  get origin(): string {
    return this.test.platform.origin;
  }

  stop(): Promise<void> {
    return this.test.stop();
  }

  /** Requests and sockets come from 250 addresses in turn, so that no per-address limit is met by accident. */
  private nextAddress(): string {
    return `198.18.1.${this.ip++ % 250}`;
  }

  async call<T = unknown>(service: ServiceHandle, method: string, path: string, options: { token?: string; body?: unknown } = {}): Promise<Answer<T>> {
    const headers: Record<string, string> = { 'x-forwarded-for': this.nextAddress() };
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${service.baseUrl}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  /** A signed-in account; verified (mail) when it must host. */
  async account(name: string, options: { verified?: boolean } = {}): Promise<Account> {
    const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${randomUUID().slice(0, 6)}@example.test`;
    const registered = await this.call(this.identity, 'POST', '/auth/register', { body: { email, password: PASSWORD, displayName: name } });
    if (registered.status !== 202) throw new Error(`register ${email}: ${registered.status}`);
    if (options.verified) {
      const [mail] = await mailTo(this.test.platform.mail?.httpUrl as string, email);
      const token = /verify-email#token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
      const verified = await this.call(this.identity, 'POST', '/auth/verify-email', { body: { token } });
      if (verified.status !== 200) throw new Error(`verify ${email}: ${verified.status}`);
    }
    return { ...(await this.signIn(email)), name };
  }

  /** A new session of an account: a fresh access token. */
  async signIn(email: string): Promise<Omit<Account, 'name'>> {
    const signedIn = await this.call<SessionGrant>(this.identity, 'POST', '/auth/sign-in', { body: { email, password: PASSWORD } });
    if (signedIn.status !== 200) throw new Error(`sign in ${email}: ${signedIn.status}`);
    return { id: signedIn.body.user.id, email, token: signedIn.body.accessToken };
  }

  async meeting(host: Account, settings: Partial<MeetingSettings> = {}): Promise<{ id: string; code: string }> {
    const created = await this.call<{ id: string; code: string }>(this.meetings, 'POST', '/meetings', { token: host.token, body: { title: 'Chat test', settings } });
    if (created.status !== 201) throw new Error(`create meeting: ${created.status} ${JSON.stringify(created.body)}`);
    return created.body;
  }

  /** Joins through meetings, as the room page does: a signed-in account, or a guest by name. */
  async join(code: string, who: Account | { guest: string }): Promise<Extract<JoinResult, { status: 'admitted' }>> {
    const joined =
      'guest' in who
        ? await this.call<JoinResult>(this.meetings, 'POST', `/meetings/${code}/join`, { body: { displayName: who.guest } })
        : await this.call<JoinResult>(this.meetings, 'POST', `/meetings/${code}/join`, { token: who.token, body: {} });
    if (joined.status !== 200 || joined.body.status !== 'admitted') throw new Error(`join ${code}: ${joined.status} ${JSON.stringify(joined.body)}`);
    return joined.body;
  }

  /** Connects through the edge (or straight to a chat instance) with the site's Origin unless told otherwise. */
  async connect(auth: Partial<ChatHandshakeAuth> & Record<string, unknown>, options: SocketOptions = {}): Promise<ChatClient> {
    const socket = this.socket(auth, options);
    const ready = await new Promise<ChatReady>((resolve, reject) => {
      socket.once(ChatServerEvent.ready, resolve);
      socket.once('connect_error', (error: Error & { data?: ChatErrorEvent }) => reject(Object.assign(new Error(error.message), { data: error.data })));
    });
    return clientOf(socket, ready);
  }

  /** The refusal of a handshake: connect_error's data. */
  async refusal(auth: Partial<ChatHandshakeAuth> & Record<string, unknown>, options: SocketOptions = {}): Promise<ChatErrorEvent> {
    const socket = this.socket(auth, options);
    try {
      return await new Promise<ChatErrorEvent>((resolve, reject) => {
        socket.once(ChatServerEvent.ready, () => reject(new Error('the chat let this connection in')));
        socket.once('connect_error', (error: Error & { data?: ChatErrorEvent }) => resolve(error.data ?? { code: 'NO_DATA', message: error.message }));
      });
    } finally {
      socket.close();
    }
  }

  private socket(auth: Record<string, unknown>, options: SocketOptions): Socket {
    const url = options.via ? `http://127.0.0.1:${options.via.port}` : this.origin;
    const origin = options.origin === undefined ? this.origin : options.origin;
    return io(url, {
      path: CHAT_SOCKET_PATH,
      transports: ['websocket'],
      auth,
      extraHeaders: { 'x-forwarded-for': options.from ?? this.nextAddress(), ...(origin === null ? {} : { origin }) },
      reconnection: false,
      forceNew: true,
      timeout: 10_000,
    });
  }
}

function clientOf(socket: Socket, ready: ChatReady): ChatClient {
  const messages: ChatMessage[] = [];
  const errors: ChatErrorEvent[] = [];
  const closed: ChatErrorEvent[] = [];
  const waiters = new Set<() => void>();
  socket.on(ChatServerEvent.message, (message: ChatMessage) => {
    messages.push(message);
    for (const wake of [...waiters]) wake();
  });
  socket.on(ChatServerEvent.error, (error: ChatErrorEvent) => errors.push(error));
  socket.on(ChatServerEvent.closed, (error: ChatErrorEvent) => closed.push(error));
  return {
    socket,
    ready,
    messages,
    errors,
    closed,
    ask: <T extends object>(event: string, payload: unknown) => socket.timeout(10_000).emitWithAck(event, payload) as Promise<ChatAck<T>>,
    receive: (accept, timeoutMs = 10_000) =>
      new Promise<ChatMessage>((resolve, reject) => {
        const check = () => {
          const found = messages.find(accept);
          if (!found) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no such chat:message within ${timeoutMs} ms; got ${JSON.stringify(messages.map((m) => m.body))}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    close: () => socket.close(),
  };
}

/** Resolves when the socket is disconnected by the server, with the reason chat gave first. */
export function disconnection(client: ChatClient, timeoutMs = 10_000): Promise<{ reason: string; closed: ChatErrorEvent | undefined }> {
  return new Promise((resolve, reject) => {
    if (!client.socket.connected) return resolve({ reason: 'already', closed: client.closed[0] });
    const timer = setTimeout(() => reject(new Error('still connected')), timeoutMs);
    client.socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve({ reason, closed: client.closed[0] });
    });
  });
}

export const newId = (): string => randomUUID();
