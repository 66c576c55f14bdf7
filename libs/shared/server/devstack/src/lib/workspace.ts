import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** The repository root: the nearest folder above this file (or cwd) that holds nx.json. */
export function workspaceRoot(): string {
  for (const start of [process.cwd(), __dirname]) {
    let dir = start;
    for (;;) {
      if (existsSync(join(dir, 'nx.json'))) return dir;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error('cannot find the workspace root (no nx.json above the current folder)');
}

/** Where tools/stack/install.sh puts the Go-built companions, one file per pinned version. */
export function toolsBinDir(): string {
  return process.env['CONFER_TOOLS_DIR'] ?? join(homedir(), '.cache', 'confer', 'bin');
}

export type Companion = 'livekit-server' | 'versitygw' | 'mailpit';

const VERSION_KEYS: Record<Companion, string> = {
  'livekit-server': 'LIVEKIT_VERSION',
  versitygw: 'VERSITYGW_VERSION',
  mailpit: 'MAILPIT_VERSION',
};

export function pinnedVersions(): Record<string, string> {
  const text = readFileSync(join(workspaceRoot(), 'tools', 'stack', 'versions.env'), 'utf8');
  const versions: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^([A-Z_]+)=(\S+)$/.exec(line.trim());
    if (match) versions[match[1]] = match[2];
  }
  return versions;
}

/** Path of a companion binary at its pinned version; fails with the command that installs it. */
export function companionBinary(name: Companion): string {
  const version = pinnedVersions()[VERSION_KEYS[name]];
  const path = join(toolsBinDir(), `${name}-${version}`);
  if (!existsSync(path)) {
    throw new Error(`${name} ${version} is not installed at ${path}: run bash tools/stack/install.sh`);
  }
  return path;
}
