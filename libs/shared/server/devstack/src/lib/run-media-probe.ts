import { execFile } from 'node:child_process';
import { join } from 'node:path';
import type { MediaProbeResult } from './media-probe';
import type { NetworkNamespace } from './netns';
import { workspaceRoot } from './workspace';

/** Runs the two-participant media probe inside the namespace and returns what the receiver saw. */
export function runMediaProbe(
  netns: NetworkNamespace,
  env: { url: string; publisherToken: string; subscriberToken: string; frames?: number },
): Promise<MediaProbeResult> {
  const probe = join(__dirname, 'media-probe.ts');
  const [command, args] = netns.wrap(process.execPath, ['--import', 'tsx', probe]);
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
          PROBE_PUBLISHER_TOKEN: env.publisherToken,
          PROBE_SUBSCRIBER_TOKEN: env.subscriberToken,
          PROBE_FRAMES: String(env.frames ?? 10),
        },
      },
      (error, stdout, stderr) => {
        const line = stdout.trim().split('\n').pop() ?? '';
        try {
          resolve(JSON.parse(line) as MediaProbeResult);
        } catch {
          reject(new Error(`media probe printed no result (${error?.message ?? 'no error'}): ${stderr.slice(-500)}`));
        }
      },
    );
  });
}
