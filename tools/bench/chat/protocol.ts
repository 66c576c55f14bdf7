/**
 * What bench:chat and its client processes (clients.ts) say to each other over the IPC channel of
 * child_process.fork, with the `advanced` serialization (typed arrays pass as they are).
 */

/** One chat member: their meeting, their place in it, the guest ticket they joined with, their chat instance. */
export interface MemberPlan {
  /** Index of the meeting in the run. */
  meeting: number;
  /** 0..members-1 in the meeting: their bit in a message's delivery mask. */
  slot: number;
  code: string;
  ticket: string;
  /** The chat instance this member connects to (http://127.0.0.1:<port>). */
  url: string;
  /** Their address as the chat sees it (X-Forwarded-For from loopback, as behind a proxy). */
  ip: string;
}

export interface ClientsPlan {
  /** The site's origin: the chat accepts only sockets from it. */
  origin: string;
  /** Whole meetings: every member of a meeting is in the same process, so one clock times its messages. */
  members: MemberPlan[];
  /** Members per meeting. */
  perMeeting: number;
  /** Handshakes in flight at once in this process. */
  connectConcurrency: number;
}

export interface RunPlan {
  /** Each member sends one message every `intervalMs`, at their own phase. */
  intervalMs: number;
  warmupMs: number;
  durationMs: number;
  /** After the last send: how long to wait for late acks and deliveries before counting what is missing. */
  graceMs: number;
}

export type ToClients = { kind: 'connect'; plan: ClientsPlan } | { kind: 'run'; run: RunPlan } | { kind: 'stop' };

export interface ConnectFigures {
  connected: number;
  failed: number;
  firstFailure?: string;
  /** socket opened → chat:ready, ms, one per connection. */
  handshakeMs: Float64Array;
  seconds: number;
}

export interface RunFigures {
  members: number;
  /** Messages emitted (warm-up and measured window). */
  sent: number;
  /** Acknowledged with ok. */
  acked: number;
  /** Refusals by error code. */
  refused: Record<string, number>;
  /** Neither acknowledged nor refused by the end of the grace period. */
  unanswered: number;
  /** Stored, as far as the clients can tell: acknowledged, or delivered to someone. Every member must receive these. */
  stored: number;
  /** Not refused, yet neither acknowledged nor delivered to anyone by the end: the chat had fallen behind (or lost them). */
  unfinished: number;
  /** Acks that came during the measured window, whenever their message was sent: what the chat got through. */
  acksInWindow: number;
  /** Sent in the measured window, and of those acknowledged. */
  measuredSent: number;
  measuredAcked: number;
  /** Stored messages × members (the sender's own copy, its ack, included). */
  expectedDeliveries: number;
  /** Distinct (message, member) deliveries of stored messages. */
  deliveries: number;
  /** Deliveries of stored messages that never came. */
  lost: number;
  /** The same message received again by the same member. */
  duplicates: number;
  /** Deliveries of messages the chat refused (should not exist). */
  refusedDeliveries: number;
  /** chat:message events this process never sent (should not exist). */
  foreign: number;
  /** Connections that dropped, and chat:closed / chat:error events received. */
  disconnects: number;
  closedEvents: number;
  errorEvents: number;
  /** Send (embedded time) → receipt by each of the other members, for messages sent in the window, ms. */
  deliveryMs: Float64Array;
  /** Deliveries to the other members of window messages (not refused) that had not come by the end. */
  deliveriesMissing: number;
  /** Send → ack, messages sent in the window, ms; and their acks still missing at the end. */
  ackMs: Float64Array;
  acksMissing: number;
  /** How late the sends left against their schedule (the process's own lag), p99 ms. */
  sendLagP99Ms: number;
  /** This process's event-loop delay during the window, p99 ms. */
  loopDelayP99Ms: number;
}

export type FromClients =
  | { kind: 'connected'; figures: ConnectFigures }
  | { kind: 'done'; figures: RunFigures }
  | { kind: 'failed'; message: string };
