import { execFile } from 'node:child_process';
import type { NetworkNamespace } from './netns';
import { workspaceRoot } from './workspace';

/** The probe prints its result as one line `PROBE_RESULT <json>`; rtc-node logs JSON lines of its own. */
export const PROBE_RESULT_PREFIX = 'PROBE_RESULT ';

/**
 * Runs a probe script (TypeScript, through tsx) inside the namespace with the given environment and
 * resolves to the JSON object it prints after PROBE_RESULT_PREFIX.
 */
export function runProbe<T>(netns: NetworkNamespace, script: string, env: Record<string, string>, name = 'probe'): Promise<T> {
  const [command, args] = netns.wrap(process.execPath, ['--import', 'tsx', script]);
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd: workspaceRoot(), timeout: 60000, env: { PATH: process.env['PATH'], HOME: process.env['HOME'], ...env } },
      (error, stdout, stderr) => {
        const line = stdout.split('\n').find((l) => l.startsWith(PROBE_RESULT_PREFIX));
        try {
          if (line === undefined) throw new Error('no result line');
          resolve(JSON.parse(line.slice(PROBE_RESULT_PREFIX.length)) as T);
        } catch {
          reject(new Error(`${name} printed no result (${error?.message ?? 'no error'}): ${stderr.slice(-500)}`));
        }
      },
    );
  });
}
