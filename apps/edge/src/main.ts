import { ConfigError } from '@confer/shared/server/config';
import { loadEdgeConfig, type EdgeConfig } from './app/edge.config';
import { buildEdge, type Edge } from './app/edge.server';

const SHUTDOWN_GRACE_MS = 10_000;

function readConfig(): EdgeConfig {
  try {
    return loadEdgeConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`edge: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

function closeOnSignals(edge: Edge): void {
  let closing = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (closing) process.exit(1);
    closing = true;
    edge.log.info({ signal }, 'edge shutting down');
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    edge.close().then(
      () => process.exit(0),
      (error: unknown) => {
        edge.log.error({ err: error }, 'edge did not close cleanly');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

async function main(): Promise<void> {
  const config = readConfig();
  const edge = await buildEdge(config);
  closeOnSignals(edge);
  await edge.listen({ host: config.host, port: config.port });
  edge.log.info({ webRoot: config.webRoot, upstreams: config.upstreams }, 'edge ready');
}

main().catch((error: unknown) => {
  console.error('edge: failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
