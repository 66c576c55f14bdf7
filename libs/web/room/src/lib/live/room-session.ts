import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { LIVE_TOPICS, type LiveControlMessage, type LiveKitGrant, type LiveRoomMetadata } from '@confer/meetings/contracts';
import { DisconnectReason, Room, RoomEvent, ScreenSharePresets, VideoPresets, type RoomEventCallbacks } from 'livekit-client';
import { JoinApi } from '../join/join-api';
import { describeParticipant, isHostly, orderParticipants, type LiveParticipant } from './live-participant';
import { entryChoices, type MediaChoices } from './media-choices';

/**
 * Where the connection stands. `lost`: the connection broke and LiveKit could not restore it (Rejoin
 * may); `ended`, `removed`, `replaced` and `left` are final for this session.
 */
export type SessionState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'lost' | 'ended' | 'removed' | 'replaced' | 'left';

export type DeviceKind = 'audioinput' | 'videoinput';

/** livekit-server's TrackSource numbers, as they come in the participant's permissions. */
const SOURCE_NUMBER = { camera: 1, microphone: 2, screen: 3 } as const;

/** Renew the LiveKit token this long before it expires. */
const RENEW_BEFORE_MS = 60_000;

interface Connection {
  readonly code: string;
  readonly ticket: string;
  grant: LiveKitGrant;
}

/**
 * The LiveKit side of one meeting, for the components of one meeting page (provided there, not in
 * root). It owns the Room: builds it once per connection, removes every listener it adds, and stops
 * every local track when it leaves. Components read its signals.
 */
@Injectable()
export class RoomSession {
  private readonly joinApi = inject(JoinApi);
  private room?: Room;
  private connection?: Connection;
  private readonly unlisten: (() => void)[] = [];
  private renewTimer?: ReturnType<typeof setTimeout>;
  /** Set while this person changes their own microphone, so that a mute by a host can be told apart. */
  private changingOwnMicrophone = false;
  /** Bumped on every LiveKit event that changes what the screens show. */
  private readonly version = signal(0);

  readonly state = signal<SessionState>('idle');
  readonly metadata = signal<LiveRoomMetadata>({ locked: false, lobbyCount: 0 });
  /** A sentence for a polite live region: what just happened to me. */
  readonly notice = signal<string | null>(null);
  /** The browser refused to play sound without a click; "Turn on sound" calls startAudio. */
  readonly audioBlocked = signal(false);
  /** Bumped when the lobby changed (hosts and co-hosts reload it). */
  readonly lobbyChanges = signal(0);
  readonly devices = signal<Record<DeviceKind, readonly MediaDeviceInfo[]>>({ audioinput: [], videoinput: [] });
  readonly activeDevice = signal<Partial<Record<DeviceKind, string>>>({});

  readonly participants = computed<LiveParticipant[]>(() => {
    this.version();
    const room = this.room;
    if (!room) return [];
    return orderParticipants([
      describeParticipant(room.localParticipant, true),
      ...[...room.remoteParticipants.values()].map((participant) => describeParticipant(participant, false)),
    ]);
  });
  readonly me = computed(() => this.participants().find((p) => p.isLocal));
  readonly hostly = computed(() => isHostly(this.me()?.role));
  /** What LiveKit lets me publish: the client only offers what the server allows. */
  readonly mayPublish = computed(() => {
    this.version();
    const permissions = this.room?.localParticipant.permissions;
    const sources = permissions?.canPublishSources ?? [];
    const may = (source: number) => Boolean(permissions?.canPublish) && (sources.length === 0 || sources.includes(source));
    return { camera: may(SOURCE_NUMBER.camera), microphone: may(SOURCE_NUMBER.microphone), screen: may(SOURCE_NUMBER.screen) };
  });
  /** The identity of whoever spoke last, for the speaker view. */
  readonly lastSpeaker = signal<string | null>(null);

  constructor() {
    inject(DestroyRef).onDestroy(() => void this.disconnect());
  }

  get code(): string | undefined {
    return this.connection?.code;
  }

  get ticket(): string | undefined {
    return this.connection?.ticket;
  }

  /** Connects with an admission and publishes what the person chose, within the meeting's entry rules. */
  async connect(code: string, ticket: string, grant: LiveKitGrant, choices: MediaChoices): Promise<void> {
    await this.disconnect();
    this.connection = { code, ticket, grant };
    const chosen = entryChoices(choices, grant.entry);
    const room = new Room({
      adaptiveStream: true,
      dynacast: true,
      disconnectOnPageLeave: true,
      videoCaptureDefaults: { resolution: VideoPresets.h720.resolution, deviceId: chosen.cameraId },
      audioCaptureDefaults: { deviceId: chosen.microphoneId, echoCancellation: true, noiseSuppression: true },
      publishDefaults: {
        simulcast: true,
        videoSimulcastLayers: [VideoPresets.h180, VideoPresets.h360],
        screenShareEncoding: ScreenSharePresets.h1080fps15.encoding,
      },
    });
    this.room = room;
    this.listen(room);
    this.state.set('connecting');
    this.scheduleRenewal(grant);
    try {
      await room.connect(grant.livekitUrl, grant.token);
    } catch (error) {
      if (this.room === room) this.state.set('lost');
      throw error;
    }
    this.state.set('connected');
    this.readMetadata(room.metadata);
    await Promise.all([
      chosen.microphoneOn ? this.publish(() => room.localParticipant.setMicrophoneEnabled(true)) : undefined,
      chosen.cameraOn ? this.publish(() => room.localParticipant.setCameraEnabled(true)) : undefined,
    ]);
    this.audioBlocked.set(!room.canPlaybackAudio);
    await this.refreshDevices();
    this.bump();
  }

  /** After a lost connection: a fresh token for the same ticket, then connect again with the same devices. */
  async rejoin(choices: MediaChoices): Promise<void> {
    const connection = this.connection;
    if (!connection) return;
    const grant = await firstValueFrom(this.joinApi.renew(connection.code, connection.ticket));
    await this.connect(connection.code, connection.ticket, grant, choices);
  }

  async leave(): Promise<void> {
    await this.disconnect();
    this.state.set('left');
  }

  /**
   * The meeting ended, as another channel (the chat) says: LiveKit's own word may have been lost (its
   * leave message and the closing socket race) and it would only try to reconnect to a deleted room.
   */
  async endedElsewhere(): Promise<void> {
    if (this.room === undefined) return;
    await this.disconnect();
    this.state.set('ended');
  }

  async toggleMicrophone(): Promise<void> {
    const local = this.room?.localParticipant;
    if (!local) return;
    this.changingOwnMicrophone = true;
    try {
      await this.publish(() => local.setMicrophoneEnabled(!local.isMicrophoneEnabled));
    } finally {
      this.changingOwnMicrophone = false;
    }
  }

  async toggleCamera(): Promise<void> {
    const local = this.room?.localParticipant;
    if (local) await this.publish(() => local.setCameraEnabled(!local.isCameraEnabled));
  }

  async toggleScreenShare(): Promise<void> {
    const local = this.room?.localParticipant;
    if (local) await this.publish(() => local.setScreenShareEnabled(!local.isScreenShareEnabled, { audio: false, selfBrowserSurface: 'exclude' }));
  }

  async setHand(raised: boolean): Promise<void> {
    const connection = this.connection;
    if (connection) await firstValueFrom(this.joinApi.hand(connection.code, connection.ticket, raised));
  }

  async switchDevice(kind: DeviceKind, deviceId: string): Promise<void> {
    if (!this.room) return;
    await this.room.switchActiveDevice(kind, deviceId);
    this.activeDevice.update((active) => ({ ...active, [kind]: deviceId }));
  }

  async startAudio(): Promise<void> {
    await this.room?.startAudio();
    this.audioBlocked.set(!(this.room?.canPlaybackAudio ?? true));
  }

  /** Media errors (a device in use, a refused picker) become a notice; a refused screen picker says nothing. */
  private async publish(change: () => Promise<unknown>): Promise<void> {
    try {
      await change();
    } catch (error) {
      const name = (error as { name?: string } | null)?.name;
      if (name !== 'NotAllowedError' && name !== 'AbortError') this.notice.set(mediaProblem(error));
    } finally {
      this.bump();
    }
  }

  private listen(room: Room): void {
    const on = <E extends keyof RoomEventCallbacks>(event: E, handler: RoomEventCallbacks[E]): void => {
      room.on(event, handler);
      this.unlisten.push(() => room.off(event, handler));
    };
    const bump = () => this.bump();
    for (const event of [
      RoomEvent.ParticipantConnected,
      RoomEvent.ParticipantDisconnected,
      RoomEvent.TrackSubscribed,
      RoomEvent.TrackUnsubscribed,
      RoomEvent.TrackPublished,
      RoomEvent.TrackUnpublished,
      RoomEvent.TrackUnmuted,
      RoomEvent.LocalTrackPublished,
      RoomEvent.LocalTrackUnpublished,
      RoomEvent.ParticipantAttributesChanged,
      RoomEvent.ParticipantNameChanged,
      RoomEvent.ConnectionQualityChanged,
      RoomEvent.ParticipantPermissionsChanged,
    ] as const) {
      on(event, bump);
    }
    on(RoomEvent.TrackMuted, (publication, participant) => {
      if (participant.isLocal && publication.source === 'microphone' && !this.changingOwnMicrophone) {
        this.notice.set('A host muted your microphone.');
      }
      this.bump();
    });
    on(RoomEvent.ActiveSpeakersChanged, (speakers) => {
      const first = speakers.find((speaker) => !speaker.isLocal) ?? speakers[0];
      if (first) this.lastSpeaker.set(first.identity);
      this.bump();
    });
    on(RoomEvent.RoomMetadataChanged, (metadata) => this.readMetadata(metadata));
    // Messages from the meetings service come from no participant; another participant could use the same topic.
    on(RoomEvent.DataReceived, (payload, participant, _kind, topic) => {
      if (!participant) this.onServerMessage(payload, topic);
    });
    on(RoomEvent.AudioPlaybackStatusChanged, () => this.audioBlocked.set(!room.canPlaybackAudio));
    on(RoomEvent.MediaDevicesChanged, () => void this.refreshDevices());
    on(RoomEvent.ActiveDeviceChanged, (kind, deviceId) => {
      if (kind === 'audioinput' || kind === 'videoinput') this.activeDevice.update((active) => ({ ...active, [kind]: deviceId }));
    });
    on(RoomEvent.Reconnecting, () => this.state.set('reconnecting'));
    on(RoomEvent.SignalReconnecting, () => this.state.set('reconnecting'));
    on(RoomEvent.Reconnected, () => {
      this.state.set('connected');
      this.bump();
    });
    on(RoomEvent.Disconnected, (reason) => {
      if (this.room !== room) return;
      this.state.set(finalState(reason));
      this.stopRenewal();
      this.bump();
    });
  }

  /** What the meetings service tells the room: the lobby changed, or a host acted on everyone. */
  private onServerMessage(payload: Uint8Array, topic: string | undefined): void {
    if (topic === LIVE_TOPICS.lobby) {
      this.lobbyChanges.update((n) => n + 1);
      return;
    }
    if (topic !== LIVE_TOPICS.control) return;
    const message = parseJson(new TextDecoder().decode(payload)) as Partial<LiveControlMessage> | null;
    if (message?.type === 'muted-all' && message.by !== this.room?.localParticipant.identity) {
      this.notice.set('A host muted everyone.');
    } else if (message?.type === 'allowed') {
      this.notice.set(message.track === 'camera' ? 'A host asks you to turn on your camera.' : 'A host asks you to unmute your microphone.');
    }
  }

  private readMetadata(raw: string | undefined): void {
    const metadata = parseJson(raw ?? '') as Partial<LiveRoomMetadata> | null;
    if (!metadata) return;
    const lobbyCount = typeof metadata.lobbyCount === 'number' ? metadata.lobbyCount : 0;
    if (lobbyCount !== this.metadata().lobbyCount) this.lobbyChanges.update((n) => n + 1);
    this.metadata.set({ locked: metadata.locked === true, lobbyCount });
  }

  private async refreshDevices(): Promise<void> {
    const [audioinput, videoinput] = await Promise.all([Room.getLocalDevices('audioinput', false), Room.getLocalDevices('videoinput', false)]);
    this.devices.set({ audioinput, videoinput });
    const room = this.room;
    if (room) {
      this.activeDevice.set({ audioinput: room.getActiveDevice('audioinput'), videoinput: room.getActiveDevice('videoinput') });
    }
  }

  private scheduleRenewal(grant: LiveKitGrant): void {
    this.stopRenewal();
    const due = Math.max(5_000, Date.parse(grant.expiresAt) - Date.now() - RENEW_BEFORE_MS);
    this.renewTimer = setTimeout(() => void this.renew(), due);
  }

  /** Keeps a valid token at hand for reconnecting; a refusal (removed, ended) shows when LiveKit disconnects. */
  private async renew(): Promise<void> {
    const connection = this.connection;
    if (!connection || !this.room) return;
    try {
      connection.grant = await firstValueFrom(this.joinApi.renew(connection.code, connection.ticket));
      this.scheduleRenewal(connection.grant);
    } catch {
      this.renewTimer = setTimeout(() => void this.renew(), 15_000);
    }
  }

  private stopRenewal(): void {
    if (this.renewTimer !== undefined) clearTimeout(this.renewTimer);
    this.renewTimer = undefined;
  }

  private async disconnect(): Promise<void> {
    this.stopRenewal();
    for (const off of this.unlisten.splice(0)) off();
    const room = this.room;
    this.room = undefined;
    if (room) await room.disconnect(true);
    this.bump();
  }

  private bump(): void {
    this.version.update((n) => n + 1);
  }
}

function finalState(reason: DisconnectReason | undefined): SessionState {
  switch (reason) {
    case DisconnectReason.CLIENT_INITIATED:
      return 'left';
    case DisconnectReason.ROOM_DELETED:
      return 'ended';
    case DisconnectReason.PARTICIPANT_REMOVED:
      return 'removed';
    case DisconnectReason.DUPLICATE_IDENTITY:
      return 'replaced';
    default:
      return 'lost';
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function mediaProblem(error: unknown): string {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'NotFoundError') return 'No camera or microphone was found.';
  if (name === 'NotReadableError') return 'Your camera or microphone is in use by another application.';
  return 'Your camera or microphone could not be started.';
}
