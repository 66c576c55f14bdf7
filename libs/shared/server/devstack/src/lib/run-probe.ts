import { execFile } from 'node:child_process';
import type { NetworkNamespace } from './netns';
import { workspaceRoot } from './workspace';

/**
 * Runs a probe script (TypeScript, through tsx) inside the namespace with the given environment and
 * resolves to the JSON object it prints as its last line of output.
 */
export function runProbe<T>(netns: NetworkNamespace, script: string, env: Record<string, string>, name = 'probe'): Promise<T> {
  const [command, args] = netns.wrap(process.execPath, ['--import', 'tsx', script]);
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd: workspaceRoot(), timeout: 60000, env: { PATH: process.env['PATH'], HOME: process.env['HOME'], ...env } },
      (error, stdout, stderr) => {
        const line = stdout.trim().split('\n').pop() ?? '';
        try {
          resolve(JSON.parse(line) as T);
        } catch {
          reject(new Error(`${name} printed no result (${error?.message ?? 'no error'}): ${stderr.slice(-500)}`));
        }
      },
    );
  });
}
