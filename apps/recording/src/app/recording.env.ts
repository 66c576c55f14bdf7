import { DEFAULT_SERVICE_PORTS } from '@confer/shared/contracts';
import { serviceEnv, type ConfigOf } from '@confer/shared/server/config';

export const recordingEnv = {
  ...serviceEnv('recording', DEFAULT_SERVICE_PORTS.recording),
};

export type RecordingConfig = ConfigOf<typeof recordingEnv>;
