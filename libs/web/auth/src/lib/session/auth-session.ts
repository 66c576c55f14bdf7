import { HttpClient, HttpContext, HttpErrorResponse } from '@angular/common/http';
import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import { Router } from '@angular/router';
import { firstValueFrom, type Observable, tap } from 'rxjs';
import {
  isMfaChallenge,
  type Me,
  type MfaSignInRequest,
  type SessionGrant,
  type SignInRequest,
  type SignInResponse,
} from '@confer/identity/contracts';
import { API_BASES, SILENT_ERRORS } from '@confer/web/core';
import { refreshDelayMs } from './refresh-delay';
import { withRefreshLock } from './refresh-lock';
import { SESSION_ENDED_REASON } from './session-ended';

/**
 * What a refresh came to: a new access token; the session is over (401: expired, revoked or reused);
 * or no answer worth acting on (offline, 5xx, 429), in which case the current state is kept.
 */
export type RefreshOutcome = 'refreshed' | 'ended' | 'unavailable';

/** Retry of a scheduled refresh that found the server unavailable. */
const RETRY_AFTER_UNAVAILABLE_MS = 30_000;

interface SignedIn {
  readonly accessToken: string;
  readonly user: Me;
}

/**
 * The signed-in person of this tab. The access token and the user live in memory only (never in
 * localStorage or a readable cookie); the refresh token lives in an httpOnly cookie this code never
 * sees. A silent refresh runs a minute before the token expires, one at a time within the tab and,
 * through a Web Lock, across tabs.
 */
@Injectable({ providedIn: 'root' })
export class AuthSession {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly base = inject(API_BASES).identity;
  private readonly state = signal<SignedIn | null>(null);
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<RefreshOutcome> | null = null;
  private restoring: Promise<void> | null = null;
  /** Bumped whenever the state is cleared, so an answer to an older refresh is not taken up again. */
  private epoch = 0;

  readonly user = computed(() => this.state()?.user ?? null);
  readonly isSignedIn = computed(() => this.state() !== null);
  readonly isAdmin = computed(() => this.state()?.user.role === 'admin');

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.refreshTimer));
  }

  /** The access token, for the auth interceptor. */
  accessToken(): string | null {
    return this.state()?.accessToken ?? null;
  }

  /** On app start: asks for a session with the refresh cookie, if there is one. Never navigates. */
  restore(): Promise<void> {
    this.restoring ??= this.refresh().then(() => undefined);
    return this.restoring;
  }

  /** Settles once restore() has (guards wait on it, so a reload of a protected page keeps its place). */
  whenRestored(): Promise<void> {
    return this.restoring ?? Promise.resolve();
  }

  /**
   * Swaps the refresh cookie for a new access token. Calls made while one is running share it. When the
   * server says the session is over and this tab was signed in, the session-ended flow runs.
   */
  refresh(): Promise<RefreshOutcome> {
    if (!this.inFlight) {
      this.inFlight = this.refreshOnce().finally(() => {
        this.inFlight = null;
      });
    }
    return this.inFlight;
  }

  /** Password step. A SessionGrant signs in at once; an MfaChallenge asks for completeSignIn. */
  signIn(request: SignInRequest): Observable<SignInResponse> {
    return this.http
      .post<SignInResponse>(`${this.base}/auth/sign-in`, request, { context: silent() })
      .pipe(
        tap((response) => {
          if (!isMfaChallenge(response)) this.accept(response);
        }),
      );
  }

  /** Second-factor step, with the challenge of signIn's answer and a TOTP or recovery code. */
  completeSignIn(request: MfaSignInRequest): Observable<SessionGrant> {
    return this.http
      .post<SessionGrant>(`${this.base}/auth/sign-in/mfa`, request, { context: silent() })
      .pipe(tap((grant) => this.accept(grant)));
  }

  /** Ends this browser's session and goes home. Local state goes even if the server can't be reached. */
  async signOut(): Promise<void> {
    this.clear();
    try {
      await firstValueFrom(this.http.post<void>(`${this.base}/auth/sign-out`, null));
    } catch {
      // The error toast has told the person; this tab holds no token any more either way.
    }
    await this.router.navigateByUrl('/');
  }

  /** Ends every session of the account, this one included. Throws (and stays signed in) if it fails. */
  async signOutEverywhere(): Promise<void> {
    await firstValueFrom(this.http.post<void>(`${this.base}/auth/sign-out-everywhere`, null));
    this.clear();
    await this.router.navigateByUrl('/');
  }

  /**
   * Forgets this tab's session without calling the server or navigating: for when the server has already
   * ended every session of the account (it is being deleted), so a sign-out call could only fail.
   */
  forget(): void {
    this.clear();
  }

  /** Reads the user again, after a change that alters it (email verified, two-step sign-in on or off). */
  async reloadUser(): Promise<void> {
    const user = await firstValueFrom(this.http.get<Me>(`${this.base}/me`));
    this.state.update((state) => (state ? { ...state, user } : state));
  }

  /**
   * The session ended under this tab: forget it and send the person to sign in again, with a banner and
   * a way back to where they were. Does nothing when already signed out.
   */
  endSession(): void {
    if (!this.isSignedIn()) return;
    const here = this.router.url;
    this.clear();
    const next = here === '/' || here.startsWith('/sign-in') ? undefined : here;
    void this.router.navigate(['/sign-in'], { queryParams: { reason: SESSION_ENDED_REASON, next } });
  }

  private async refreshOnce(): Promise<RefreshOutcome> {
    const wasSignedIn = this.isSignedIn();
    const epoch = this.epoch;
    const outcome = await withRefreshLock(() => this.requestRefresh(epoch));
    if (outcome === 'ended' && wasSignedIn) this.endSession();
    if (outcome === 'unavailable' && this.isSignedIn()) this.schedule(RETRY_AFTER_UNAVAILABLE_MS);
    return outcome;
  }

  private async requestRefresh(epoch: number): Promise<RefreshOutcome> {
    try {
      const grant = await firstValueFrom(this.http.post<SessionGrant>(`${this.base}/auth/refresh`, null, { context: silent() }));
      // Signed out while the answer was on its way: the cookie is gone, so the grant is dropped too.
      if (epoch !== this.epoch) return 'ended';
      this.accept(grant);
      return 'refreshed';
    } catch (error) {
      return error instanceof HttpErrorResponse && error.status === 401 ? 'ended' : 'unavailable';
    }
  }

  private accept(grant: SessionGrant): void {
    this.state.set({ accessToken: grant.accessToken, user: grant.user });
    this.schedule(refreshDelayMs(grant, Date.now()));
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refresh(), delayMs);
  }

  private clear(): void {
    this.epoch++;
    clearTimeout(this.refreshTimer);
    this.state.set(null);
  }
}

/** Session calls show their failures themselves (or, for refresh, not at all): no error toast. */
function silent(): HttpContext {
  return new HttpContext().set(SILENT_ERRORS, true);
}
