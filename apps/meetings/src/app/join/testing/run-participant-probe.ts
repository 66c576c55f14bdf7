import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { workspaceRoot, type NetworkNamespace } from '@confer/shared/server/devstack';
import type { ParticipantProbeResult } from './participant-probe';

export function runParticipantProbe(
  netns: NetworkNamespace,
  env: { url: string; token: string; mode: 'screen-share' | 'stay'; stayMs?: number },
): Promise<ParticipantProbeResult> {
  const [command, args] = netns.wrap(process.execPath, ['--import', 'tsx', join(__dirname, 'participant-probe.ts')]);
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      {
        cwd: workspaceRoot(),
        timeout: 60000,
        env: {
          PATH: process.env['PATH'],
          HOME: process.env['HOME'],
          PROBE_URL: env.url,
          PROBE_TOKEN: env.token,
          PROBE_MODE: env.mode,
          PROBE_STAY_MS: String(env.stayMs ?? 20000),
        },
      },
      (error, stdout, stderr) => {
        const line = stdout.trim().split('\n').pop() ?? '';
        try {
          resolve(JSON.parse(line) as ParticipantProbeResult);
        } catch {
          reject(new Error(`participant probe printed no result (${error?.message ?? 'no error'}): ${stderr.slice(-500)}`));
        }
      },
    );
  });
}
