import { join } from 'node:path';
import { apiBase, type ServiceName } from '@confer/shared/contracts';
import { workspaceRoot } from './workspace';
import { httpAnswers, spawnManaged, waitUntil, type ManagedProcess } from './process';

export interface ServiceHandle {
  name: ServiceName;
  port: number;
  baseUrl: string;
  process: ManagedProcess;
  stop(): Promise<void>;
}

/**
 * Runs a built service (dist/apps/<name>/main.js) and waits until it answers /health/live. `logName`
 * tells a second instance's log from the first's.
 */
export async function startService(
  name: ServiceName,
  port: number,
  env: NodeJS.ProcessEnv,
  logDir: string,
  logName: string = name,
): Promise<ServiceHandle> {
  const root = workspaceRoot();
  const process = spawnManaged('node', globalThis.process.execPath, [join(root, 'dist', 'apps', name, 'main.js')], {
    cwd: root,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    logFile: join(logDir, `${logName}.log`),
  });
  const baseUrl = `http://127.0.0.1:${port}${apiBase(name)}`;
  await waitUntil(`${name} on ${port}`, () => httpAnswers(`${baseUrl}/health/live`, (s) => s === 200), {
    process,
    timeoutMs: 60000,
  });
  return { name, port, baseUrl, process, stop: () => process.stop() };
}
