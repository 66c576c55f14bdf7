/**
 * What bench:sfu's participants report at the start and end of the window (WebRTC stats of each
 * rtc-node Room, LiveKit's Prometheus counters), and the figures made from the two.
 */
export interface InboundStream {
  id: string;
  kind: string;
  bytes: number;
  packets: number;
  lost: number;
  /** Whole frames that arrived (what LiveKit delivered) and frames decoded (what the receiver's CPU managed). */
  framesReceived: number;
  framesDecoded: number;
  frameHeight: number;
  freezes: number;
}

export interface OutboundStream {
  id: string;
  kind: string;
  /** Simulcast layer: `f`, `h`, `q` (full, half, quarter), empty for audio. */
  rid: string;
  bytes: number;
  framesEncoded: number;
  frameHeight: number;
  /** What holds the encoder back, as WebRTC sees it: none, cpu, bandwidth, other. */
  limitation: string;
}

export interface ParticipantSnapshot {
  identity: string;
  atMs: number;
  inbound: InboundStream[];
  outbound: OutboundStream[];
}

export interface ProcessSnapshot {
  participants: ParticipantSnapshot[];
  /** Prometheus text lines from LiveKit, from the one process that was given its address. */
  metrics?: string[];
  metricsAtMs?: number;
}

export interface ParticipantFigures {
  participant: string;
  sentMbps: number;
  /** Heights of the simulcast layers that were encoded in the window, top first (libwebrtc lowers them when short of CPU). */
  layersSent: string;
  encoderLimitedBy: string;
  sentFps: number;
  receivedVideoMbps: number;
  videoFrom: number;
  audioFrom: number;
  /** Frames per second that arrived from each publisher, and that were decoded. */
  fpsPerSubscription: number;
  decodedFpsPerSubscription: number;
  /** Height of the video received from each publisher, counted: `720p×7`. */
  layersReceived: string;
  receivedLossPct: number;
  freezes: number;
}

const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;
const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((s) => [s.id, s]));
const pct = (part: number, whole: number) => (whole > 0 ? round((100 * part) / whole, 3) : 0);

export function participantFigures(start: ParticipantSnapshot, end: ParticipantSnapshot): { row: ParticipantFigures; raw: RawDeltas } {
  const seconds = (end.atMs - start.atMs) / 1000;
  const before = byId(start.inbound);
  const video = { bytes: 0, frames: 0, decoded: 0, streams: 0 };
  const loss = { lost: 0, packets: 0 };
  let audioFrom = 0;
  let freezes = 0;
  const heights = new Map<number, number>();
  for (const s of end.inbound) {
    const b = before.get(s.id);
    const d = (k: 'bytes' | 'packets' | 'lost' | 'framesReceived' | 'framesDecoded' | 'freezes') => s[k] - (b?.[k] ?? 0);
    loss.lost += Math.max(0, d('lost'));
    loss.packets += d('packets');
    if (s.kind === 'audio' && d('packets') > 0) audioFrom++;
    if (s.kind !== 'video' || d('framesReceived') <= 0) continue;
    video.bytes += d('bytes');
    video.frames += d('framesReceived');
    video.decoded += d('framesDecoded');
    video.streams++;
    freezes += d('freezes');
    heights.set(s.frameHeight, (heights.get(s.frameHeight) ?? 0) + 1);
  }
  const sentBefore = byId(start.outbound);
  let sentBytes = 0;
  let topFrames = 0;
  const layers: OutboundStream[] = [];
  for (const s of end.outbound) {
    const b = sentBefore.get(s.id);
    sentBytes += s.bytes - (b?.bytes ?? 0);
    if (s.kind === 'video' && s.framesEncoded - (b?.framesEncoded ?? 0) > 0) layers.push(s);
    if (s.kind === 'video' && s.rid === 'f') topFrames = s.framesEncoded - (b?.framesEncoded ?? 0);
  }
  layers.sort((a, b) => b.frameHeight - a.frameHeight);
  const row: ParticipantFigures = {
    participant: end.identity,
    sentMbps: round((sentBytes * 8) / seconds / 1e6),
    layersSent:
      layers
        .filter((l) => l.frameHeight > 0) // a layer switched off during the window has no size any more
        .map((l) => l.frameHeight)
        .join('/') || '-',
    encoderLimitedBy: [...new Set(layers.map((l) => l.limitation))].join('/') || '-',
    sentFps: round(topFrames / seconds, 1),
    receivedVideoMbps: round((video.bytes * 8) / seconds / 1e6),
    videoFrom: video.streams,
    audioFrom,
    fpsPerSubscription: video.streams ? round(video.frames / video.streams / seconds, 1) : 0,
    decodedFpsPerSubscription: video.streams ? round(video.decoded / video.streams / seconds, 1) : 0,
    layersReceived:
      [...heights.entries()]
        .sort((a, b) => b[0] - a[0])
        .map(([h, n]) => `${h}p×${n}`)
        .join(' ') || '-',
    receivedLossPct: pct(loss.lost, loss.packets + loss.lost),
    freezes,
  };
  return { row, raw: { seconds, receivedLost: loss.lost, receivedPackets: loss.packets, heights } };
}

export interface RawDeltas {
  seconds: number;
  receivedLost: number;
  receivedPackets: number;
  /** Subscriptions by the height of the video received. */
  heights: Map<number, number>;
}

export interface RoomFigures {
  seconds: number;
  videoSubscriptions: number;
  audioSubscriptions: number;
  videoFramesReceivedPerSubscriptionPerS: number;
  videoFramesDecodedPerSubscriptionPerS: number;
  layersReceived: Record<string, number>;
  clientsSentMbps: number;
  clientsReceivedVideoMbps: number;
  clientsReceivedLossPct: number;
  /** Frames per second of the top layers, averaged over the publishers. */
  sentFps: number;
  encoderLimitedBy: string;
}

/** The room as its participants saw it: sums and averages of their figures. */
export function roomFigures(each: { row: ParticipantFigures; raw: RawDeltas }[]): RoomFigures {
  const sum = (f: (p: (typeof each)[number]) => number) => each.reduce((n, p) => n + f(p), 0);
  const videoSubscriptions = sum((p) => p.row.videoFrom);
  const seconds = each[0]?.raw.seconds ?? 0;
  const heights = new Map<number, number>();
  for (const { raw } of each) for (const [h, n] of raw.heights) heights.set(h, (heights.get(h) ?? 0) + n);
  return {
    seconds,
    videoSubscriptions,
    audioSubscriptions: sum((p) => p.row.audioFrom),
    // Each participant's rate over its own window (their stats are read one after the other), weighted by its subscriptions.
    videoFramesReceivedPerSubscriptionPerS: videoSubscriptions
      ? round(sum((p) => p.row.fpsPerSubscription * p.row.videoFrom) / videoSubscriptions, 1)
      : 0,
    videoFramesDecodedPerSubscriptionPerS: videoSubscriptions
      ? round(sum((p) => p.row.decodedFpsPerSubscription * p.row.videoFrom) / videoSubscriptions, 1)
      : 0,
    layersReceived: Object.fromEntries([...heights].sort((a, b) => b[0] - a[0]).map(([h, n]) => [`${h}p`, n])),
    clientsSentMbps: round(sum((p) => p.row.sentMbps)),
    clientsReceivedVideoMbps: round(sum((p) => p.row.receivedVideoMbps)),
    clientsReceivedLossPct: pct(
      sum((p) => p.raw.receivedLost),
      sum((p) => p.raw.receivedPackets + p.raw.receivedLost),
    ),
    sentFps: each.length ? round(sum((p) => p.row.sentFps) / each.length, 1) : 0,
    encoderLimitedBy: [...new Set(each.map((p) => p.row.encoderLimitedBy))].join(', '),
  };
}

/** Sums of LiveKit's counters by metric and direction: `livekit_packet_bytes incoming`. */
export function promCounters(lines: string[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const line of lines) {
    const match = /^(\w+)\{([^}]*)\}\s+(\S+)/.exec(line);
    if (!match) continue;
    const direction = /direction="(\w+)"/.exec(match[2])?.[1] ?? '';
    const transmission = /transmission="(\w+)"/.exec(match[2])?.[1];
    const key = `${match[1]} ${direction}`;
    sums.set(key, (sums.get(key) ?? 0) + Number(match[3]));
    if (transmission) sums.set(`${key} ${transmission}`, (sums.get(`${key} ${transmission}`) ?? 0) + Number(match[3]));
  }
  return sums;
}

export interface LiveKitTraffic {
  ingressMbps: number;
  egressMbps: number;
  /** Of egress, what LiveKit resent after a NACK. */
  egressRetransmitMbps: number;
  ingressLossPct: number;
  egressLossPct: number;
  /** NACKs LiveKit sent to publishers (it missed a packet) / got from subscribers (they did). */
  nacksToPublishers: number;
  nacksFromSubscribers: number;
  plis: number;
}

/**
 * LiveKit's own view of the window. Its per-track counters move every 5 s (one stats report per
 * track), so over a window of whole 5-second steps each track is counted about as often as it ran.
 */
export function liveKitTraffic(start: string[], end: string[], seconds: number): LiveKitTraffic {
  const a = promCounters(start);
  const b = promCounters(end);
  const d = (key: string) => (b.get(key) ?? 0) - (a.get(key) ?? 0);
  const mbps = (key: string) => round((d(key) * 8) / seconds / 1e6);
  const loss = (direction: string) =>
    pct(
      d(`livekit_packet_loss_total ${direction}`),
      d(`livekit_packet_total ${direction} initial`) + d(`livekit_packet_loss_total ${direction}`),
    );
  return {
    ingressMbps: mbps('livekit_packet_bytes incoming'),
    egressMbps: mbps('livekit_packet_bytes outgoing'),
    egressRetransmitMbps: mbps('livekit_packet_bytes outgoing retransmit'),
    ingressLossPct: loss('incoming'),
    egressLossPct: loss('outgoing'),
    nacksToPublishers: d('livekit_nack_total incoming'),
    nacksFromSubscribers: d('livekit_nack_total outgoing'),
    plis: d('livekit_pli_total incoming') + d('livekit_pli_total outgoing'),
  };
}
