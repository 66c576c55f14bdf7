/**
 * bench:auth — an authenticated GET on a service other than identity, through the one origin:
 * GET /api/meetings/meetings (edge → meetings: the bearer token is checked against the cached JWKS,
 * then one indexed query on meetings(host_id, starts_at)), at a constant 1,000 requests/s for 60 s.
 * Then token verification on its own, in this process, with the same guard code and the real key.
 * Brings up a fresh database, a private Redis, Mailpit, identity, meetings and the edge on free
 * loopback ports, and tears them down after.
 */
import type { JwkSet } from '@confer/shared/contracts';
import { AccessTokenVerifier, authSettings, JwksKeyStore, RevocationRegistry } from '@confer/shared/server/auth';
import { mailTo, startTestPlatform, type Platform } from '@confer/shared/server/devstack';
import { constantRateLoad, printTable, type RateResult } from './load';

const RATE = Number(process.env['BENCH_RATE'] ?? 1000);
const DURATION_MS = Number(process.env['BENCH_DURATION_MS'] ?? 60000);
const VERIFICATIONS = Number(process.env['BENCH_VERIFICATIONS'] ?? 200000);
/** `edge` (the one origin, default) or `direct` (meetings' own port, to see what the edge costs). */
const VIA = process.env['BENCH_VIA'] === 'direct' ? 'direct' : 'edge';

async function main(): Promise<void> {
  const stack = await startTestPlatform({
    name: 'bench-auth',
    services: ['identity', 'meetings'],
    companions: { livekit: false, s3: false, mail: true },
    logLevel: 'warn',
  });
  const { platform } = stack;
  try {
    const token = await hostWithMeetings(platform);
    const meetingsService = platform.services.find((s) => s.name === 'meetings');
    const url = VIA === 'edge' ? `${platform.origin}/api/meetings/meetings` : `${meetingsService?.baseUrl}/meetings`;
    const headers = { authorization: `Bearer ${token}` };
    // Warm-up: a ramp to the target rate, so that JIT, connection pools and caches reach their steady
    // state before the measured minute (a cold start straight at 1,000/s builds a backlog of seconds
    // that takes ~20 s to drain on two cores).
    for (const share of [0.25, 0.5, 0.75, 1]) await constantRateLoad(url, { perSecond: Math.round(RATE * share), durationMs: 5000, headers });
    const load = await constantRateLoad(url, { perSecond: RATE, durationMs: DURATION_MS, headers });
    const jwks = (await (await fetch(`${platform.origin}/api/identity/.well-known/jwks.json`)).json()) as JwkSet;
    const verification = await verifyAlone(token, jwks);
    report(load, verification);
  } finally {
    await stack.stop();
  }
}

/** A verified host with a few meetings, signed in through the edge like a browser. */
async function hostWithMeetings(platform: Platform): Promise<string> {
  const api = (path: string, body: unknown, token?: string) =>
    fetch(`${platform.origin}/api${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  const email = 'bench-host@example.test';
  const password = 'bench passphrase that is long';
  await api('/identity/auth/register', { email, password, displayName: 'Bench Host' });
  const [mail] = await mailTo(platform.mail?.httpUrl as string, email);
  const verifyToken = /verify-email#token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
  if ((await api('/identity/auth/verify-email', { token: verifyToken })).status !== 200) throw new Error('verification failed');
  // Only the access token of identity's SessionGrant is needed here.
  const grant = (await (await api('/identity/auth/sign-in', { email, password })).json()) as { accessToken: string };
  for (let i = 0; i < 5; i++) {
    const startsAt = new Date(Date.now() + (i + 1) * 86_400_000).toISOString();
    const created = await api('/meetings/meetings', { title: `Bench meeting ${i}`, startsAt, durationMinutes: 30 }, grant.accessToken);
    if (created.status !== 201) throw new Error(`creating a meeting answered ${created.status}`);
  }
  return grant.accessToken;
}

interface VerificationFigures {
  verifications: number;
  /** Full check: RS256 signature with the cached KeyObject, claims, revocation. */
  coldMicros: number;
  /** A token this instance verified before: claims kept until exp, revocation checked again. */
  warmMicros: number;
}

/** The guard's own verifier, key imported once, timed over many verifications of the real token. */
async function verifyAlone(token: string, jwks: JwkSet): Promise<VerificationFigures> {
  const keys = new JwksKeyStore(async () => jwks, {});
  await keys.refresh();
  const registry = new RevocationRegistry({});
  const settings = authSettings();
  const time = async (verify: () => Promise<unknown>) => {
    for (let i = 0; i < 5000; i++) await verify(); // warm-up
    const started = process.hrtime.bigint();
    for (let i = 0; i < VERIFICATIONS; i++) await verify();
    return Math.round((Number(process.hrtime.bigint() - started) / VERIFICATIONS / 1000) * 100) / 100;
  };
  // A new verifier per call has never seen the token, so every call checks the signature.
  const coldMicros = await time(() => new AccessTokenVerifier(keys, registry, settings).verify(token));
  const warm = new AccessTokenVerifier(keys, registry, settings);
  const warmMicros = await time(() => warm.verify(token));
  return { verifications: VERIFICATIONS, coldMicros, warmMicros };
}

function report(load: RateResult, verification: VerificationFigures): void {
  printTable(
    `GET /api/meetings/meetings with a bearer token, ${VIA === 'edge' ? 'through the edge' : 'straight to meetings'}, open loop at ${RATE}/s (2 cores shared by load, edge, services, Postgres, Redis)`,
    [{ ...load }],
  );
  printTable('Access-token verification alone, same code as the guard (cold: RS256 signature with the cached KeyObject; warm: a token seen before)', [{ ...verification }]);
  console.log(
    JSON.stringify({
      benchmark: 'auth',
      path: '/api/meetings/meetings',
      via: VIA,
      ...load,
      targetP95Ms: 25,
      targetP99Ms: 50,
      verificationColdMicros: verification.coldMicros,
      verificationWarmMicros: verification.warmMicros,
      targetVerificationMicros: 20,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(`bench:auth failed: ${(error as Error).message}`);
  process.exit(1);
});
