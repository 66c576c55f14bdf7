/**
 * The participant processes of bench:sfu (participants.ts), started inside the namespace and driven
 * over stdin/stdout lines.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { workspaceRoot, type NetworkNamespace } from '@confer/shared/server/devstack';
import type { ProcessSnapshot } from './snapshot';

export interface GeneratorOptions {
  url: string;
  tokens: string[];
  width: number;
  height: number;
  fps: number;
  maxBitrate: number;
  seed: number;
  metricsUrl?: string;
  logFile: string;
}

/** libwebrtc's names of the threads that encode, decode and play out media. */
const MEDIA_THREADS = /^(EncoderQueue|DecodingQueue|AudioEncoder|SyntheticAudioD|AudioSourceCapt)/;

export class Generator {
  readonly child: ChildProcess;
  /** Video and audio tracks each participant of this process is subscribed to. */
  subscriptions: { video: number; audio: number }[] = [];
  private readonly snapshots = new Map<string, (s: ProcessSnapshot) => void>();
  private failure?: Error;
  private readonly niced = new Set<number>();
  readonly exited: Promise<number | null>;

  constructor(netns: NetworkNamespace, o: GeneratorOptions) {
    // Run as root, libwebrtc gives its decoder, encoder and audio threads realtime priority
    // (SCHED_FIFO), and 130 such threads starve everything else on the machine: LiveKit, the threads
    // that carry the participants' own packets and signalling (which then miss LiveKit's pings), and
    // other people's work. Without CAP_SYS_NICE they run at normal priority, as a browser's would.
    const [command, args] = netns.wrap('setpriv', [
      ...['--bounding-set', '-sys_nice', '--inh-caps', '-sys_nice'],
      ...[process.execPath, '--import', 'tsx', join(__dirname, 'participants.ts')],
    ]);
    this.child = spawn(command, args, {
      cwd: workspaceRoot(),
      stdio: ['pipe', 'pipe', 'pipe'],
      env: {
        PATH: process.env['PATH'],
        HOME: process.env['HOME'],
        SFU_URL: o.url,
        SFU_TOKENS: JSON.stringify(o.tokens),
        SFU_WIDTH: String(o.width),
        SFU_HEIGHT: String(o.height),
        SFU_FPS: String(o.fps),
        SFU_MAX_BITRATE: String(o.maxBitrate),
        SFU_SEED: String(o.seed),
        ...(o.metricsUrl ? { SFU_METRICS_URL: o.metricsUrl } : {}),
      },
    });
    const log = createWriteStream(o.logFile, { flags: 'a' });
    this.child.stderr?.pipe(log);
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code) => resolve(code));
      this.child.once('error', (error) => {
        this.failure ??= new Error(`could not start the participants: ${error.message}`);
        resolve(null);
      });
    });
    void this.exited.then((code) => {
      this.failure ??= new Error(`a participant process ended early with code ${code} (see ${o.logFile})`);
    });
    createInterface({ input: this.child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      const [kind, ...rest] = line.split(' ');
      if (kind === 'STATUS') {
        this.subscriptions = JSON.parse(rest.join(' '));
        log.write(`${new Date().toISOString()} ${line}\n`);
      } else if (kind === 'SNAPSHOT') this.snapshots.get(rest[0])?.(JSON.parse(rest.slice(1).join(' ')));
      else if (kind === 'FAILED') this.failure = new Error(`a participant process failed: ${rest.join(' ')}`);
      else log.write(`${line}\n`); // rtc-node's own JSON log lines
    });
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  /**
   * Lowers the priority (nice 10) of the process's encoder, decoder and audio threads, which libwebrtc
   * starts as tracks come and go. Linux shares CPU per thread: without this, 8 encoders and 56
   * decoders crowd out the few threads that move every packet and answer LiveKit (network, worker,
   * signalling), which then miss LiveKit's pings, and LiveKit itself.
   */
  niceMediaThreads(): void {
    let threads: number[];
    try {
      threads = readdirSync(`/proc/${this.pid}/task`).map(Number);
    } catch {
      return; // the process has ended; check() tells
    }
    for (const tid of threads) {
      if (this.niced.has(tid)) continue;
      try {
        const name = readFileSync(`/proc/${this.pid}/task/${tid}/comm`, 'utf8').trim();
        if (!MEDIA_THREADS.test(name)) continue;
        setPriority(tid, 10);
        this.niced.add(tid);
      } catch {
        // the thread ended meanwhile
      }
    }
  }

  /** Throws if the process failed or ended. */
  check(): void {
    if (this.failure) throw this.failure;
  }

  /** Cameras and microphones start. */
  startMedia(): void {
    this.check();
    this.child.stdin?.write('media\n');
  }

  snapshot(label: string): Promise<ProcessSnapshot> {
    this.check();
    const taken = new Promise<ProcessSnapshot>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${label} snapshot after 60 s`)), 60000);
      this.snapshots.set(label, (s) => {
        clearTimeout(timer);
        resolve(s);
      });
    });
    this.child.stdin?.write(`snapshot ${label}\n`);
    return taken;
  }

  /** Asks the participants to leave, then ends the process if they take too long. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null || this.child.pid === undefined) return;
    this.child.stdin?.write('stop\n');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10000);
    await this.exited;
    clearTimeout(timer);
  }
}
