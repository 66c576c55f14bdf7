/**
 * CPU and memory of processes from /proc, sampled once a second: average and peak CPU in % of one
 * core (utime + stime of all threads), and resident memory. Also how busy the whole machine was.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface CpuFigures {
  cpuAvgPct: number;
  /** The busiest one-second sample. */
  cpuPeakPct: number;
  rssMiB: number;
}

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** utime + stime in ticks; fields counted after the `(comm)`, which may itself hold spaces. */
function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

function rssKiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

/** Busy and total jiffies of the whole machine, from the first line of /proc/stat. */
function machineTicks(): { busy: number; total: number } {
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const n = values.map(Number);
  const total = n.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - n[3] - n[4], total };
}

export interface CpuUsage {
  groups: Record<string, CpuFigures>;
  /** How busy the whole machine was, in % of all its cores (other people's work included). */
  machineBusyPct: number;
}

export interface CpuSampler {
  /** Stops sampling; figures per group of pids. */
  stop(): CpuUsage;
}

export function sampleCpu(groups: Record<string, number[]>): CpuSampler {
  const names = Object.keys(groups);
  const read = () => Object.fromEntries(names.map((name) => [name, groups[name].reduce((n, pid) => n + cpuTicks(pid), 0)]));
  const started = { at: performance.now(), ticks: read(), machine: machineTicks() };
  let last = started;
  const peak: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
  const rss: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
  const sample = () => {
    const now = { at: performance.now(), ticks: read(), machine: machineTicks() };
    const seconds = (now.at - last.at) / 1000;
    for (const name of names) {
      peak[name] = Math.max(peak[name], (100 * (now.ticks[name] - last.ticks[name])) / TICKS_PER_SECOND / seconds);
      rss[name] = Math.max(
        rss[name],
        groups[name].reduce((n, pid) => n + rssKiB(pid), 0),
      );
    }
    last = now;
  };
  // A process that ended makes /proc unreadable: the error waits for stop(), not to crash a timer.
  let failure: unknown;
  const timer = setInterval(() => {
    try {
      sample();
    } catch (error) {
      failure ??= error;
    }
  }, 1000);
  return {
    stop() {
      clearInterval(timer);
      if (failure) throw failure;
      sample();
      const seconds = (last.at - started.at) / 1000;
      const round = (v: number) => Math.round(v * 10) / 10;
      return {
        groups: Object.fromEntries(
          names.map((name) => [
            name,
            {
              cpuAvgPct: round((100 * (last.ticks[name] - started.ticks[name])) / TICKS_PER_SECOND / seconds),
              cpuPeakPct: round(peak[name]),
              rssMiB: round(rss[name] / 1024),
            },
          ]),
        ),
        machineBusyPct: round((100 * (last.machine.busy - started.machine.busy)) / (last.machine.total - started.machine.total)),
      };
    },
  };
}
