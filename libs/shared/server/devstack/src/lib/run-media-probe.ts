import { join } from 'node:path';
import type { MediaProbeResult } from './media-probe';
import type { NetworkNamespace } from './netns';
import { runProbe } from './run-probe';

/** Runs the two-participant media probe inside the namespace and returns what the receiver saw. */
export function runMediaProbe(
  netns: NetworkNamespace,
  env: { url: string; publisherToken: string; subscriberToken: string; frames?: number },
): Promise<MediaProbeResult> {
  return runProbe<MediaProbeResult>(
    netns,
    join(__dirname, 'media-probe.ts'),
    {
      PROBE_URL: env.url,
      PROBE_PUBLISHER_TOKEN: env.publisherToken,
      PROBE_SUBSCRIBER_TOKEN: env.subscriberToken,
      PROBE_FRAMES: String(env.frames ?? 10),
    },
    'media probe',
  );
}
