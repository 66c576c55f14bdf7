/**
 * The load of bench:chat: socket.io clients (WebSocket only, as the web app) of some whole meetings,
 * in one process forked by the bench and driven over IPC (protocol.ts).
 *
 * `connect`: every member connects to its chat instance with its guest ticket, a few handshakes at a
 * time, and waits for chat:ready. `run`: every member sends one message per interval at its own
 * random phase, open loop (the next send never waits for an ack), for the warm-up and the window;
 * then the process waits for the acks and deliveries still on their way and counts.
 *
 * Each body carries its send time (performance.timeOrigin + performance.now()); every member of a
 * meeting lives in this process, so the receivers read the same clock. A message is tracked by its
 * clientId: a bit per member says who received it, so a second copy is a duplicate and a missing bit
 * after the grace period a loss.
 */
import { randomUUID } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
// The benchmark speaks the chat's protocol; its contracts are the one definition of it.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { CHAT_SOCKET_PATH, ChatClientEvent, ChatServerEvent, type ChatMessage, type SendAck } from '@confer/chat/contracts';
import type { ClientsPlan, ConnectFigures, FromClients, MemberPlan, RunFigures, RunPlan, ToClients } from './protocol';

interface Member {
  plan: MemberPlan;
  socket: Socket;
  /** ms after the start of the run of this member's first send. */
  phase: number;
}

interface Sent {
  slot: number;
  measured: boolean;
  /** true: acknowledged; false: refused; undefined: no answer yet. */
  acked?: boolean;
  /** Bit per member slot that received it. */
  mask: number;
  received: number;
}

const BODY_PREFIX = 'bench:chat sent at ';
const now = () => performance.timeOrigin + performance.now();

let members: Member[] = [];
let perMeeting = 10;
let stopping = false;
const sent = new Map<string, Sent>();
const counts = { duplicates: 0, foreign: 0, refusedDeliveries: 0, disconnects: 0, closedEvents: 0, errorEvents: 0 };
const deliveryMs: number[] = [];

function send(message: FromClients): void {
  process.send?.(message);
}

process.on('message', (message: ToClients) => {
  const work = message.kind === 'connect' ? connect(message.plan) : message.kind === 'run' ? run(message.run) : stop();
  work.catch((error: unknown) => send({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }));
});
process.on('disconnect', () => void stop());

async function connect(plan: ClientsPlan): Promise<void> {
  perMeeting = plan.perMeeting;
  const started = performance.now();
  const handshakeMs: number[] = [];
  let failed = 0;
  let firstFailure: string | undefined;
  let next = 0;
  const lane = async () => {
    while (next < plan.members.length) {
      const member = plan.members[next++];
      const opened = performance.now();
      try {
        members.push({ plan: member, socket: await open(plan.origin, member), phase: 0 });
        handshakeMs.push(performance.now() - opened);
      } catch (error) {
        failed += 1;
        firstFailure ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: plan.connectConcurrency }, lane));
  const figures: ConnectFigures = {
    connected: members.length,
    failed,
    firstFailure,
    handshakeMs: Float64Array.from(handshakeMs),
    seconds: (performance.now() - started) / 1000,
  };
  send({ kind: 'connected', figures });
}

/** One member's socket, resolved at chat:ready; refused handshakes reject with chat's code. */
function open(origin: string, member: MemberPlan): Promise<Socket> {
  const socket = io(member.url, {
    path: CHAT_SOCKET_PATH,
    transports: ['websocket'],
    auth: { code: member.code, ticket: member.ticket },
    extraHeaders: { origin, 'x-forwarded-for': member.ip },
    reconnection: false,
    forceNew: true,
    timeout: 20_000,
  });
  return new Promise((resolve, reject) => {
    socket.once(ChatServerEvent.ready, () => {
      watch(socket, member);
      resolve(socket);
    });
    socket.once('connect_error', (error: Error & { data?: { code?: string } }) => {
      socket.close();
      reject(new Error(`${error.data?.code ?? 'CONNECT_ERROR'}: ${error.message}`));
    });
  });
}

/** One member's copy of a sent message (its broadcast, or for the sender its ack); false for a second copy. */
function receive(record: Sent, bit: number): boolean {
  if (record.mask & bit) {
    counts.duplicates += 1;
    return false;
  }
  record.mask |= bit;
  record.received += 1;
  return true;
}

function watch(socket: Socket, member: MemberPlan): void {
  const bit = 1 << member.slot;
  socket.on(ChatServerEvent.message, (message: ChatMessage) => {
    const receivedAt = now();
    const record = sent.get(message.clientId);
    if (!record) {
      counts.foreign += 1;
      return;
    }
    if (!receive(record, bit)) return;
    if (record.acked === false) counts.refusedDeliveries += 1;
    if (record.measured && record.slot !== member.slot) deliveryMs.push(receivedAt - Number(message.body.slice(BODY_PREFIX.length)));
  });
  socket.on(ChatServerEvent.error, () => (counts.errorEvents += 1));
  socket.on(ChatServerEvent.closed, () => (counts.closedEvents += 1));
  socket.on('disconnect', () => {
    if (!stopping) counts.disconnects += 1;
  });
}

async function run(plan: RunPlan): Promise<void> {
  for (const member of members) member.phase = Math.random() * plan.intervalMs;
  const schedule = [...members].sort((a, b) => a.phase - b.phase);
  if (schedule.length === 0) throw new Error('no member is connected');
  const refused: Record<string, number> = {};
  const ackMs: number[] = [];
  const sendLag: number[] = [];
  let unanswered = 0;
  let acksInWindow = 0;
  const loop = monitorEventLoopDelay({ resolution: 10 });

  const started = performance.now();
  const measureFrom = started + plan.warmupMs;
  const end = measureFrom + plan.durationMs;
  let round = 0;
  let index = 0;
  let measuring = false;
  const due = () => started + round * plan.intervalMs + schedule[index].phase;

  // No ack timeout: under overload an ack may come late, and the chat still owes the message.
  const fire = (member: Member, dueAt: number) => {
    const clientId = randomUUID();
    const emittedAt = performance.now();
    const measured = dueAt >= measureFrom;
    const record: Sent = { slot: member.plan.slot, measured, mask: 0, received: 0 };
    sent.set(clientId, record);
    if (measured) sendLag.push(emittedAt - dueAt);
    unanswered += 1;
    member.socket.emit(ChatClientEvent.send, { clientId, body: `${BODY_PREFIX}${now().toFixed(3)}` }, (ack: SendAck) => {
      unanswered -= 1;
      record.acked = ack.ok;
      const t = performance.now();
      if (ack.ok && t >= measureFrom && t < end) acksInWindow += 1;
      if (ack.ok) {
        if (measured) ackMs.push(performance.now() - emittedAt);
        // The sender's copy is its ack: chat does not send a message back to the connection it came from.
        if (!ack.duplicate) receive(record, 1 << member.plan.slot);
      } else {
        refused[ack.error.code] = (refused[ack.error.code] ?? 0) + 1;
      }
    });
  };

  await new Promise<void>((resolve) => {
    const tick = () => {
      const t = performance.now();
      if (!measuring && t >= measureFrom) {
        measuring = true;
        loop.enable();
      }
      while (due() <= t && due() < end) {
        fire(schedule[index], due());
        index += 1;
        if (index === schedule.length) {
          index = 0;
          round += 1;
        }
      }
      if (due() >= end) {
        clearInterval(timer);
        resolve();
      }
    };
    const timer = setInterval(tick, 1);
  });
  loop.disable();

  // Late acks and deliveries: done when every send is answered and every stored message reached everyone.
  const settleBy = performance.now() + plan.graceMs;
  const complete = () => unanswered === 0 && [...sent.values()].every((s) => s.acked === false || s.received === perMeeting);
  while (!complete() && performance.now() < settleBy) await new Promise((r) => setTimeout(r, 100));

  const figures: RunFigures = {
    members: members.length,
    sent: sent.size,
    acked: 0,
    refused,
    unanswered,
    acksInWindow,
    stored: 0,
    unfinished: 0,
    measuredSent: 0,
    measuredAcked: 0,
    expectedDeliveries: 0,
    deliveries: 0,
    lost: 0,
    ...counts,
    deliveryMs: Float64Array.from(deliveryMs),
    deliveriesMissing: 0,
    ackMs: Float64Array.from(ackMs),
    acksMissing: 0,
    sendLagP99Ms: quantile(sendLag, 0.99),
    loopDelayP99Ms: loop.count > 0 ? loop.percentile(99) / 1e6 : 0,
  };
  for (const record of sent.values()) {
    const own = record.mask & (1 << record.slot) ? 1 : 0;
    if (record.acked) figures.acked += 1;
    if (record.measured) {
      figures.measuredSent += 1;
      if (record.acked) figures.measuredAcked += 1;
      if (record.acked === undefined) figures.acksMissing += 1;
      if (record.acked !== false) figures.deliveriesMissing += perMeeting - 1 - (record.received - own);
    }
    if (record.acked === false) continue;
    if (!record.acked && record.received === 0) {
      figures.unfinished += 1;
      continue;
    }
    figures.stored += 1;
    figures.expectedDeliveries += perMeeting;
    figures.deliveries += record.received;
    figures.lost += perMeeting - record.received;
  }
  send({ kind: 'done', figures });
}

function quantile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function stop(): Promise<void> {
  stopping = true;
  for (const member of members) member.socket.close();
  members = [];
  setTimeout(() => process.exit(0), 100);
}
