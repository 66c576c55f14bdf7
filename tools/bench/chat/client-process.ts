/** A forked process of chat clients (clients.ts), driven over IPC: one request at a time, its answer awaited. */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { workspaceRoot } from '@confer/shared/server/devstack';
import type { ClientsPlan, ConnectFigures, FromClients, RunFigures, RunPlan, ToClients } from './protocol';

export class ClientProcess {
  private readonly child: ChildProcess;
  private waiting?: { kind: FromClients['kind']; resolve: (message: FromClients) => void; reject: (error: Error) => void };
  private ended?: Error;

  constructor(readonly name: string) {
    const root = workspaceRoot();
    this.child = fork(join(__dirname, 'clients.ts'), [], {
      cwd: root,
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, TSX_TSCONFIG_PATH: join(root, 'tsconfig.base.json') },
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child.on('message', (message: FromClients) => {
      const waiting = this.waiting;
      if (!waiting) return;
      this.waiting = undefined;
      if (message.kind === 'failed') waiting.reject(new Error(`${this.name}: ${message.message}`));
      else if (message.kind !== waiting.kind) waiting.reject(new Error(`${this.name}: answered ${message.kind}, not ${waiting.kind}`));
      else waiting.resolve(message);
    });
    this.child.once('exit', (code, signal) => {
      this.ended = new Error(`${this.name} ended (${signal ?? code})`);
      this.waiting?.reject(this.ended);
      this.waiting = undefined;
    });
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  async connect(plan: ClientsPlan): Promise<ConnectFigures> {
    const answer = await this.ask({ kind: 'connect', plan }, 'connected');
    return (answer as Extract<FromClients, { kind: 'connected' }>).figures;
  }

  async run(run: RunPlan): Promise<RunFigures> {
    const answer = await this.ask({ kind: 'run', run }, 'done');
    return (answer as Extract<FromClients, { kind: 'done' }>).figures;
  }

  /** Closes its sockets and lets it exit; kills it if it has not within 5 s. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    if (this.child.connected) this.child.send({ kind: 'stop' } satisfies ToClients);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }

  private ask(message: ToClients, kind: FromClients['kind']): Promise<FromClients> {
    if (this.ended) return Promise.reject(this.ended);
    return new Promise((resolve, reject) => {
      this.waiting = { kind, resolve, reject };
      this.child.send(message);
    });
  }
}
