import { join } from 'node:path';
import { runProbe, type NetworkNamespace } from '@confer/shared/server/devstack';
import type { ParticipantProbeResult } from './participant-probe';

export function runParticipantProbe(
  netns: NetworkNamespace,
  env: { url: string; token: string; mode: 'screen-share' | 'stay'; stayMs?: number },
): Promise<ParticipantProbeResult> {
  return runProbe<ParticipantProbeResult>(
    netns,
    join(__dirname, 'participant-probe.ts'),
    { PROBE_URL: env.url, PROBE_TOKEN: env.token, PROBE_MODE: env.mode, PROBE_STAY_MS: String(env.stayMs ?? 20000) },
    'participant probe',
  );
}
