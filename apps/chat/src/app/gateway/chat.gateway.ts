import { Inject } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
} from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import {
  CHAT_SOCKET_PATH,
  ChatClientEvent,
  ChatServerEvent,
  type ChatAck,
  type DownloadAck,
  type EmptyAck,
  type ExportAck,
  type MessageAck,
  type MessagesAck,
  type ReactAck,
  type SendAck,
  type TokenAck,
  type UploadAck,
} from '@confer/chat/contracts';
import { databaseBusy } from '@confer/shared/server/database';
import { LOGGER, type Logger } from '@confer/shared/server/observability';
import { DomainError } from '@confer/shared/util';
import { FileService } from '../files/file.service';
import { chatExportFile } from '../history/chat-export';
import { HistoryService } from '../history/history.service';
import { MessageService } from '../messages/message.service';
import type { Speaker } from '../messages/speaker';
import { ChatBroadcaster } from './chat-broadcaster';
import { ChatSessions } from './chat-sessions';
import { ChatScaleOut } from './scale-out';
import { connectError, toChatError } from './socket-errors';
import {
  DeleteMessageDto,
  DownloadDto,
  EditMessageDto,
  ExportDto,
  FloatDto,
  HistoryDto,
  ReactDto,
  SendMessageDto,
  SyncDto,
  TokenDto,
  UploadDto,
  validatePayload,
} from './socket-payloads';

/**
 * The chat socket (socket.io, WebSocket only) on the service's own HTTP server, under
 * CHAT_SOCKET_PATH. Thin: the handshake and every event go to ChatSessions (who, and may they) and
 * MessageService (what). Every event answers through its ack; a failure also comes as `chat:error`.
 * Nothing a client sends can crash it. Changes from one connection are handled in the order sent.
 */
@WebSocketGateway({
  path: CHAT_SOCKET_PATH,
  transports: ['websocket'],
  serveClient: false,
  // A 4,000-character message is at most 24 KB of JSON (\uXXXX escapes); frames beyond this end the connection.
  maxHttpBufferSize: 64 * 1024,
  pingInterval: 20_000,
  pingTimeout: 20_000,
})
export class ChatGateway implements OnGatewayInit<Server>, OnGatewayConnection<Socket>, OnGatewayDisconnect<Socket> {
  private readonly queues = new WeakMap<Socket, Promise<unknown>>();

  constructor(
    private readonly sessions: ChatSessions,
    private readonly messages: MessageService,
    private readonly files: FileService,
    private readonly histories: HistoryService,
    private readonly broadcaster: ChatBroadcaster,
    private readonly scaleOut: ChatScaleOut,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  afterInit(server: Server): void {
    server.adapter(this.scaleOut.adapter());
    this.broadcaster.attach(server);
    this.sessions.watch(server);
    server.use((socket, next) => {
      this.sessions.open(socket).then(
        () => next(),
        (error: unknown) => next(connectError(toChatError(this.report(error)))),
      );
    });
  }

  handleConnection(socket: Socket): void {
    socket.emit(ChatServerEvent.ready, this.sessions.connected(socket));
  }

  handleDisconnect(socket: Socket): void {
    this.sessions.disconnected(socket);
  }

  @SubscribeMessage(ChatClientEvent.send)
  send(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown): Promise<SendAck> {
    return this.serial(socket, () => this.run(socket, ChatClientEvent.send, SendMessageDto, payload, (s, body) => this.messages.send(s, body)));
  }

  @SubscribeMessage(ChatClientEvent.edit)
  edit(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown): Promise<MessageAck> {
    return this.serial(socket, () => this.run(socket, ChatClientEvent.edit, EditMessageDto, payload, (s, body) => this.messages.edit(s, body)));
  }

  @SubscribeMessage(ChatClientEvent.delete)
  remove(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown): Promise<MessageAck> {
    return this.serial(socket, () => this.run(socket, ChatClientEvent.delete, DeleteMessageDto, payload, (s, body) => this.messages.delete(s, body)));
  }

  @SubscribeMessage(ChatClientEvent.react)
  react(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown): Promise<ReactAck> {
    return this.serial(socket, () => this.run(socket, ChatClientEvent.react, ReactDto, payload, (s, body) => this.messages.react(s, body)));
  }

  @SubscribeMessage(ChatClientEvent.float)
  float(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown): Promise<EmptyAck> {
    return this.run(socket, ChatClientEvent.float, FloatDto, payload, (s, body) => this.messages.float(s, body));
  }

  @SubscribeMessage(ChatClientEvent.sync)
  sync(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown): Promise<MessagesAck> {
    return this.run(socket, ChatClientEvent.sync, SyncDto, payload, (s, body) => this.messages.sync(s, body));
  }

  @SubscribeMessage(ChatClientEvent.history)
  history(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown): Promise<MessagesAck> {
    return this.run(socket, ChatClientEvent.history, HistoryDto, payload, (s, body) => this.messages.history(s, body));
  }

  @SubscribeMessage(ChatClientEvent.upload)
  upload(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown): Promise<UploadAck> {
    return this.run(socket, ChatClientEvent.upload, UploadDto, payload, async (s, body) => ({ upload: await this.files.reserve(s, body) }));
  }

  @SubscribeMessage(ChatClientEvent.download)
  download(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown): Promise<DownloadAck> {
    return this.run(socket, ChatClientEvent.download, DownloadDto, payload, async (s, body) => ({ download: await this.files.downloadUrl(s, body.fileId) }));
  }

  @SubscribeMessage(ChatClientEvent.export)
  export(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown): Promise<ExportAck> {
    return this.run(socket, ChatClientEvent.export, ExportDto, payload, async (s, body) => ({ file: chatExportFile(await this.histories.exportLive(s), body.format) }));
  }

  @SubscribeMessage(ChatClientEvent.token)
  token(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown): Promise<TokenAck> {
    return this.answer(socket, ChatClientEvent.token, async () => this.sessions.refreshToken(socket, (await validatePayload(TokenDto, payload)).token));
  }

  /** Validates the payload, asks who is speaking (closing the connection if nobody may any more), does the work. */
  private run<D extends object, R extends object>(
    socket: Socket,
    event: ChatClientEvent,
    dto: new () => D,
    payload: unknown,
    work: (speaker: Speaker, body: D) => Promise<R>,
  ): Promise<ChatAck<R>> {
    return this.answer(socket, event, async () => {
      const body = await validatePayload(dto, payload);
      return work(await this.sessions.speaker(socket), body);
    }, clientIdOf(event, payload));
  }

  private async answer<R extends object>(socket: Socket, event: ChatClientEvent, work: () => Promise<R>, clientId?: string): Promise<ChatAck<R>> {
    try {
      return { ok: true, ...(await work()) };
    } catch (error) {
      const failure = toChatError(this.report(error), event, clientId);
      socket.emit(ChatServerEvent.error, failure);
      return { ok: false, error: failure };
    }
  }

  /** One connection's changes, one after the other, in the order they arrived. */
  private serial<T>(socket: Socket, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(socket) ?? Promise.resolve();
    const next = previous.then(task, task);
    this.queues.set(socket, next.catch(() => undefined));
    return next;
  }

  /** Logs what nobody expected (anything but a DomainError, or a full connection pool); hands the error on for its answer. */
  private report(error: unknown): unknown {
    if (databaseBusy(error)) this.logger.warn('chat: a socket event found every database connection busy');
    else if (!(error instanceof DomainError)) this.logger.error({ err: error }, 'chat: a socket event failed unexpectedly');
    return error;
  }
}

function clientIdOf(event: ChatClientEvent, payload: unknown): string | undefined {
  if (event !== ChatClientEvent.send || typeof payload !== 'object' || payload === null) return undefined;
  const clientId = (payload as { clientId?: unknown }).clientId;
  return typeof clientId === 'string' ? clientId.slice(0, 64) : undefined;
}
