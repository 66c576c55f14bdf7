/** One dependency's answer in a health report. */
export interface DependencyCheck {
  readonly status: 'up' | 'down';
  readonly latencyMs?: number;
}

/** The JSON every service answers on GET /api/<service>/health: 200 when ready, 503 when not. */
export interface HealthReport {
  readonly service: string;
  readonly version: string;
  readonly status: 'ok' | 'unavailable';
  readonly live: boolean;
  readonly ready: boolean;
  readonly uptimeSeconds: number;
  readonly checks: Readonly<Record<string, DependencyCheck>>;
}

export function isHealthReport(value: unknown): value is HealthReport {
  if (typeof value !== 'object' || value === null) return false;
  const report = value as Partial<HealthReport>;
  return (
    typeof report.live === 'boolean' &&
    typeof report.ready === 'boolean' &&
    typeof report.checks === 'object' &&
    report.checks !== null
  );
}
