import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { companionBinary } from './workspace';
import { freeTcpPort, freeUdpPort } from './ports';
import type { NetworkNamespace } from './netns';
import { httpAnswers, spawnManaged, waitUntil, type ManagedProcess } from './process';

export interface LiveKitOptions {
  dir: string;
  port?: number;
  udpPort?: number;
  apiKey?: string;
  apiSecret?: string;
  webhookUrl?: string;
  /** Run inside this namespace, on its address, so native WebRTC clients in it can connect. */
  netns?: NetworkNamespace;
  /** Serve LiveKit's Prometheus metrics on this port (same address as the API); off when absent. */
  prometheusPort?: number;
}

export interface LiveKitHandle {
  url: string;
  httpUrl: string;
  apiKey: string;
  apiSecret: string;
  port: number;
  udpPort: number;
  /** `http://<address>:<port>/metrics` when started with a prometheusPort. */
  metricsUrl?: string;
  process: ManagedProcess;
  stop(): Promise<void>;
}

/**
 * The loopback-only LiveKit config: HTTP and signalling on 127.0.0.1, media over one UDP port, no
 * TCP fallback, no public STUN (the server advertises only 127.0.0.1 and never asks Google who it is).
 */
export function liveKitConfig(
  o: Required<Omit<LiveKitOptions, 'dir' | 'webhookUrl' | 'netns' | 'prometheusPort'>> & { webhookUrl?: string; nodeIp?: string; prometheusPort?: number },
): string {
  const nodeIp = o.nodeIp ?? '127.0.0.1';
  const lines = [
    `port: ${o.port}`,
    'bind_addresses:',
    `  - ${nodeIp}`,
    'rtc:',
    `  udp_port: ${o.udpPort}`,
    '  tcp_port: 0',
    '  use_external_ip: false',
    `  node_ip: ${nodeIp}`,
    '  enable_loopback_candidate: true',
    '  ips:',
    '    includes:',
    `      - ${nodeIp}/32`,
    // Clients get a STUN server that nobody answers on the node's own address, so they never ask a public one.
    '  stun_servers:',
    `    - ${nodeIp}:3478`,
    'keys:',
    `  ${o.apiKey}: ${o.apiSecret}`,
    'logging:',
    '  level: info',
    'room:',
    '  empty_timeout: 300',
  ];
  if (o.prometheusPort) {
    lines.push('prometheus:', `  port: ${o.prometheusPort}`);
  }
  if (o.webhookUrl) {
    lines.push('webhook:', `  api_key: ${o.apiKey}`, '  urls:', `    - ${o.webhookUrl}`);
  }
  return `${lines.join('\n')}\n`;
}

export async function startLiveKit(options: LiveKitOptions): Promise<LiveKitHandle> {
  const port = options.port ?? (await freeTcpPort());
  const udpPort = options.udpPort ?? (await freeUdpPort());
  const apiKey = options.apiKey ?? 'devkey';
  const apiSecret = options.apiSecret ?? 'confer-dev-secret-change-me-0123456789abcdef';
  mkdirSync(options.dir, { recursive: true });
  const configFile = join(options.dir, 'livekit.yaml');
  const netns = options.netns;
  const nodeIp = netns?.address ?? '127.0.0.1';
  writeFileSync(configFile, liveKitConfig({ port, udpPort, apiKey, apiSecret, webhookUrl: options.webhookUrl, nodeIp, prometheusPort: options.prometheusPort }), {
    mode: 0o600,
  });
  const [command, args] = netns
    ? netns.wrap(companionBinary('livekit-server'), ['--config', configFile])
    : [companionBinary('livekit-server'), ['--config', configFile]];
  const process = spawnManaged('livekit', command, args, { logFile: join(options.dir, 'livekit.log') });
  const httpUrl = `http://${nodeIp}:${port}`;
  const answers = netns
    ? async () => netns.run(globalThis.process.execPath, ['-e', `fetch('${httpUrl}').then(r => process.exit(r.status === 200 ? 0 : 1), () => process.exit(1))`]) === 0
    : () => httpAnswers(httpUrl, (s) => s === 200);
  await waitUntil(`livekit on ${port}`, answers, { process, timeoutMs: 30000 });
  return {
    url: `ws://${nodeIp}:${port}`,
    httpUrl,
    apiKey,
    apiSecret,
    port,
    udpPort,
    metricsUrl: options.prometheusPort ? `http://${nodeIp}:${options.prometheusPort}/metrics` : undefined,
    process,
    stop: () => process.stop(),
  };
}
