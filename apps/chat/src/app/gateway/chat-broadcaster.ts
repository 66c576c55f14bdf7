import { Inject, Injectable } from '@nestjs/common';
import type { Server, Socket } from 'socket.io';
import { ChatServerEvent, type ChatErrorEvent, type ChatFloat, type ChatMessage } from '@confer/chat/contracts';
import { LOGGER, type Logger } from '@confer/shared/server/observability';
import { MeetingAccessClient } from '../access/meeting-access.client';
import { meetingRoom, personRoom } from './chat-rooms';

/** Which connections to close: everyone of a meeting, or one participant (all their devices). */
export interface CloseSelector {
  meetingId: string;
  code: string;
  identity?: string;
}

/** Server-to-server event (socket.io's serverSideEmit) asking every instance to close connections. */
const CLOSE_EVENT = 'chat:close-connections';

/**
 * What chat sends to clients, on every instance: socket.io's Redis adapter carries a room emit to the
 * instances that hold its sockets, and closing goes to every instance as a server-side event.
 */
@Injectable()
export class ChatBroadcaster {
  private server?: Server;

  constructor(
    private readonly access: MeetingAccessClient,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  attach(server: Server): void {
    this.server = server;
    server.on(CLOSE_EVENT, (selector: CloseSelector, error: ChatErrorEvent) => this.closeLocal(selector, error));
  }

  /**
   * A message (or its new snapshot) to everyone in the meeting, or a private one to its two people only;
   * not to the connection `except` (the one that made the change, whose answer already carries it).
   */
  deliver(message: ChatMessage, except?: string): void {
    const rooms = message.to
      ? [personRoom(message.meetingId, message.from.identity), personRoom(message.meetingId, message.to.identity)]
      : meetingRoom(message.meetingId);
    const io = this.io();
    if (!io) return;
    (except ? io.to(rooms).except(except) : io.to(rooms)).emit(ChatServerEvent.message, message);
  }

  float(meetingId: string, float: ChatFloat): void {
    this.io()?.to(meetingRoom(meetingId)).emit(ChatServerEvent.float, float);
  }

  /** Closes the selected connections on every instance, each told why. */
  close(selector: CloseSelector, error: ChatErrorEvent): void {
    this.closeLocal(selector, error);
    this.io()?.serverSideEmit(CLOSE_EVENT, selector, error);
  }

  /** Tells one connection why, then closes it. */
  closeSocket(socket: Socket, error: ChatErrorEvent): void {
    socket.emit(ChatServerEvent.closed, error);
    socket.disconnect(true);
  }

  /** This instance's connections. */
  localSockets(): Iterable<Socket> {
    return this.io()?.sockets.sockets.values() ?? [];
  }

  private closeLocal(selector: CloseSelector, error: ChatErrorEvent): void {
    this.access.forget(selector.code);
    const server = this.io();
    if (!server) return;
    const room = selector.identity ? personRoom(selector.meetingId, selector.identity) : meetingRoom(selector.meetingId);
    for (const id of [...(server.sockets.adapter.rooms.get(room) ?? [])]) {
      const socket = server.sockets.sockets.get(id);
      if (socket) this.closeSocket(socket, error);
    }
  }

  private io(): Server | undefined {
    if (!this.server) this.logger.warn('chat: the socket server is not up yet; nothing sent');
    return this.server;
  }
}
