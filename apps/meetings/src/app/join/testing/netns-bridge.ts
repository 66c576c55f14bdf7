import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { NetworkNamespace } from '@confer/shared/server/devstack';

/** An address a forwarder listens on or connects to: a filesystem unix socket, or host and port. */
type Endpoint = { path: string } | { host: string; port: number };

const FORWARDER = `
const net = require('node:net');
const [, listen, target] = process.argv;
const parse = (s) => s.startsWith('unix:') ? { path: s.slice(5) } : { host: s.split(':')[1], port: Number(s.split(':')[2]) };
net.createServer((c) => {
  const u = net.connect(parse(target));
  c.pipe(u); u.pipe(c);
  c.on('error', () => u.destroy()); u.on('error', () => c.destroy());
}).listen(parse(listen), () => process.stdout.write('ready\\n'));
`;

const spec = (e: Endpoint) => ('path' in e ? `unix:${e.path}` : `tcp:${e.host}:${e.port}`);

function pipeTo(target: Endpoint): (client: Socket) => void {
  return (client) => {
    const upstream = connect(target as never);
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  };
}

/**
 * A TCP path between the host and a network namespace. Filesystem unix sockets are not scoped to a
 * network namespace, so one forwarder in the namespace and one here meet on a socket file: no
 * interface is added and nothing outside loopback and the namespace is ever reached.
 */
export interface NetnsBridge {
  close(): Promise<void>;
}

async function inNamespace(netns: NetworkNamespace, listen: Endpoint, target: Endpoint): Promise<ChildProcess> {
  const [command, args] = netns.wrap(process.execPath, ['-e', FORWARDER, spec(listen), spec(target)]);
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('netns forwarder did not start')), 10000);
    child.stdout?.once('data', () => {
      clearTimeout(timer);
      resolve();
    });
    child.once('exit', (code) => reject(new Error(`netns forwarder exited with ${code}`)));
  });
  return child;
}

function onHost(listen: Endpoint, target: Endpoint): Promise<Server> {
  const open = new Set<Socket>();
  const forward = pipeTo(target);
  return new Promise((resolve) => {
    const server = createServer((client) => {
      open.add(client);
      client.on('close', () => open.delete(client));
      forward(client);
    });
    // Closing the bridge ends its open connections too (keep-alive ones would hold close() forever).
    server.on('close', () => open.forEach((c) => c.destroy()));
    server.listen(listen as never, () => resolve(server));
  });
}

/** Host 127.0.0.1:hostPort reaches nsHost:nsPort inside the namespace. */
export async function forwardIntoNamespace(netns: NetworkNamespace, hostPort: number, nsHost: string, nsPort: number, socketPath: string): Promise<NetnsBridge> {
  const child = await inNamespace(netns, { path: socketPath }, { host: nsHost, port: nsPort });
  const server = await onHost({ host: '127.0.0.1', port: hostPort }, { path: socketPath });
  return { close: () => closeBoth(server, child) };
}

/** 127.0.0.1:nsPort inside the namespace reaches 127.0.0.1:hostPort on the host. */
export async function forwardOutOfNamespace(netns: NetworkNamespace, nsPort: number, hostPort: number, socketPath: string): Promise<NetnsBridge> {
  const server = await onHost({ path: socketPath }, { host: '127.0.0.1', port: hostPort });
  const child = await inNamespace(netns, { host: '127.0.0.1', port: nsPort }, { path: socketPath });
  return { close: () => closeBoth(server, child) };
}

async function closeBoth(server: Server, child: ChildProcess): Promise<void> {
  child.kill('SIGTERM');
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.emit('close');
  });
}
