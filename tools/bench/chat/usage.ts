/**
 * CPU and memory of groups of processes, from /proc, for bench:chat. Unlike sfu/cpu.ts, a group's
 * processes may come and go during the window (Postgres backends of a connection pool), so a group
 * is a function that lists its pids at each sample, and a pid that ended is simply not counted
 * after its last sample.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** utime + stime of all threads, in ticks; undefined once the process is gone. */
function cpuTicks(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
}

/** Resident memory (VmRSS) in MiB; 0 once the process is gone. */
export function rssMiB(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** Pids whose command line (arguments joined by spaces, or the title a process set) matches. */
export function pidsMatching(pattern: RegExp): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (pattern.test(readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ').trim())) pids.push(Number(entry));
    } catch {
      // ended meanwhile
    }
  }
  return pids;
}

/** Busy and total jiffies of the whole machine, from the first line of /proc/stat. */
function machineTicks(): { busy: number; total: number } {
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const n = values.map(Number);
  const total = n.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - n[3] - n[4], total };
}

export interface GroupUsage {
  /** Average over the window, % of one core. */
  cpuAvgPct: number;
  /** The busiest one-second sample. */
  cpuPeakPct: number;
}

export interface Usage {
  groups: Record<string, GroupUsage>;
  cores: number;
  /** How busy the whole machine was, % of all its cores (other people's work included). */
  machineBusyPct: number;
  /** Share of the time some runnable task waited for a core (/proc/pressure/cpu "some"); null without PSI. */
  cpuPressurePct: number | null;
}

/** Microseconds during which some runnable task waited for a CPU, since boot. */
function cpuStallMicros(): number | undefined {
  if (!existsSync('/proc/pressure/cpu')) return undefined;
  const total = /^some .*total=(\d+)/m.exec(readFileSync('/proc/pressure/cpu', 'utf8'))?.[1];
  return total === undefined ? undefined : Number(total);
}

/** Samples once a second until stop(): CPU per group, and the machine. */
export function sampleUsage(groups: Record<string, () => number[]>): { stop(): Usage } {
  const names = Object.keys(groups);
  const read = () => new Map(names.map((name) => [name, new Map(groups[name]().map((pid) => [pid, cpuTicks(pid)] as const))]));
  const first = { at: performance.now(), machine: machineTicks(), stall: cpuStallMicros() };
  let last = { at: first.at, ticks: read() };
  const total: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
  const peak: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
  const sample = () => {
    const current = { at: performance.now(), ticks: read() };
    const seconds = (current.at - last.at) / 1000;
    for (const name of names) {
      let ticks = 0;
      for (const [pid, now] of current.ticks.get(name) ?? []) {
        if (now === undefined) continue;
        // A process first seen now started since the last sample (or was just found): all its ticks count.
        const before = last.ticks.get(name)?.get(pid);
        ticks += now - (before ?? (last.ticks.get(name)?.has(pid) ? now : 0));
      }
      total[name] += ticks;
      peak[name] = Math.max(peak[name], (100 * ticks) / TICKS_PER_SECOND / seconds);
    }
    last = current;
  };
  const timer = setInterval(sample, 1000);
  return {
    stop() {
      clearInterval(timer);
      sample();
      const machine = machineTicks();
      const stall = cpuStallMicros();
      const seconds = (last.at - first.at) / 1000;
      const round = (v: number) => Math.round(v * 10) / 10;
      return {
        groups: Object.fromEntries(
          names.map((name) => [name, { cpuAvgPct: round((100 * total[name]) / TICKS_PER_SECOND / seconds), cpuPeakPct: round(peak[name]) }]),
        ),
        cores: availableParallelism(),
        machineBusyPct: round((100 * (machine.busy - first.machine.busy)) / (machine.total - first.machine.total)),
        cpuPressurePct: stall === undefined || first.stall === undefined ? null : round((100 * (stall - first.stall)) / 1e6 / seconds),
      };
    },
  };
}
