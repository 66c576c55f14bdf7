import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { workspaceRoot, type NetworkNamespace } from '@confer/shared/server/devstack';
import {
  PROBE_STEP_PREFIX,
  type ScriptedCommand,
  type ScriptedConnected,
  type ScriptedPublished,
  type ScriptedSource,
  type ScriptedState,
} from './scripted-participant';

/** A scripted participant in the namespace: each call sends one command and resolves to its answer. */
export interface ScriptedParticipant {
  connected: ScriptedConnected;
  publish(source: ScriptedSource): Promise<ScriptedPublished>;
  state(): Promise<ScriptedState>;
  reconnect(): Promise<ScriptedConnected>;
  /** Disconnects and ends the process (killed if it does not end by itself). */
  leave(): Promise<void>;
}

const STEP_TIMEOUT_MS = 30000;

export async function startScriptedParticipant(netns: NetworkNamespace, env: { url: string; token: string }): Promise<ScriptedParticipant> {
  const [command, args] = netns.wrap(process.execPath, ['--import', 'tsx', join(__dirname, 'scripted-participant.ts')]);
  const child = spawn(command, args, {
    cwd: workspaceRoot(),
    env: { PATH: process.env['PATH'], HOME: process.env['HOME'], PROBE_URL: env.url, PROBE_TOKEN: env.token },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const waiting: Array<(answer: unknown) => void> = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (line.startsWith(PROBE_STEP_PREFIX)) waiting.shift()?.(JSON.parse(line.slice(PROBE_STEP_PREFIX.length)));
  });

  const next = <T>(what: string): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`scripted participant did not answer ${what}: ${stderr.slice(-500)}`)), STEP_TIMEOUT_MS);
      waiting.push((answer) => {
        clearTimeout(timer);
        resolve(answer as T);
      });
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`scripted participant exited before answering ${what}: ${stderr.slice(-500)}`));
      });
    });
  const send = <T>(cmd: ScriptedCommand): Promise<T> => {
    const answer = next<T>(cmd.op);
    child.stdin.write(`${JSON.stringify(cmd)}\n`);
    return answer;
  };

  const connected = await next<ScriptedConnected>('connect');
  return {
    connected,
    publish: (source) => send({ op: 'publish', source }),
    state: () => send({ op: 'state' }),
    reconnect: () => send({ op: 'reconnect' }),
    leave: async () => {
      if (child.exitCode === null) {
        child.stdin.write(`${JSON.stringify({ op: 'leave' })}\n`);
        const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}
