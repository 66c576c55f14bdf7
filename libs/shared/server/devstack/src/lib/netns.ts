import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

/**
 * A private network namespace with one veth pair, for media tests. Native WebRTC stacks (such as
 * @livekit/rtc-node) never gather loopback candidates, so over 127.0.0.1 alone they cannot connect.
 * Inside this namespace LiveKit and the headless participants meet on the namespace's own address;
 * no packet leaves it, and no address outside loopback of the host is ever a target.
 */
export interface NetworkNamespace {
  name: string;
  /** The namespace's own address (on its veth), where LiveKit listens and media flows. */
  address: string;
  /** The command and arguments that run `command args` inside the namespace. */
  wrap(command: string, args: string[]): [string, string[]];
  /** Runs a command inside the namespace and returns its exit code. */
  run(command: string, args: string[]): number;
  destroy(): void;
}

export function canCreateNetworkNamespaces(): boolean {
  return process.getuid?.() === 0 && spawnSync('ip', ['netns', 'list']).status === 0;
}

export function createNetworkNamespace(): NetworkNamespace {
  const name = `confer-${process.pid}-${randomBytes(3).toString('hex')}`;
  const address = '10.213.0.1';
  const ip = (...args: string[]) => execFileSync('ip', args, { stdio: 'pipe' });
  ip('netns', 'add', name);
  try {
    ip('-n', name, 'link', 'set', 'lo', 'up');
    ip('-n', name, 'link', 'add', 'cf0', 'type', 'veth', 'peer', 'name', 'cf1');
    ip('-n', name, 'addr', 'add', `${address}/24`, 'dev', 'cf0');
    ip('-n', name, 'link', 'set', 'cf0', 'up');
    ip('-n', name, 'link', 'set', 'cf1', 'up');
  } catch (error) {
    spawnSync('ip', ['netns', 'del', name]);
    throw error;
  }
  return {
    name,
    address,
    wrap: (command, args) => ['ip', ['netns', 'exec', name, command, ...args]],
    run: (command, args) => spawnSync('ip', ['netns', 'exec', name, command, ...args], { stdio: 'ignore' }).status ?? -1,
    destroy: () => {
      spawnSync('ip', ['netns', 'del', name]);
    },
  };
}
