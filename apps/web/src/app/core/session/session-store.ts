import { Injectable, computed, inject, signal } from '@angular/core';
import type {
  Caller,
  LoginRequest,
  MeResponse,
  MunicipalityRef,
  SessionUser,
} from '@sekretariat/contracts';
import { type Observable, firstValueFrom, map, of, tap } from 'rxjs';
import { ApiClient } from '../api/api-client';

/**
 * Who is using the app and for which municipality, as signals.
 * Loaded once at start-up (see provideSession); changed by login, logout and
 * by the API interceptor when the server has ended the session.
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly api = inject(ApiClient);

  private readonly currentUser = signal<SessionUser | null>(null);
  private readonly currentMunicipality = signal<MunicipalityRef | null>(null);

  readonly user = this.currentUser.asReadonly();
  /** The municipality this host serves; null until known (or if it could not be loaded). */
  readonly municipality = computed(
    () => this.currentMunicipality() ?? this.currentUser()?.municipality ?? null,
  );
  readonly isSignedIn = computed(() => this.currentUser() !== null);
  /** The caller's roles for access decisions in the UI; a visitor is `public`. */
  readonly callers = computed<readonly Caller[]>(
    () => this.currentUser()?.roles ?? ['public'],
  );

  /** Loads the session and the municipality. Never rejects: the app must start without the API. */
  async load(): Promise<void> {
    await Promise.all([
      firstValueFrom(this.api.get<MeResponse>('auth', 'me'))
        .then((response) => this.currentUser.set(response.user))
        .catch(() => this.currentUser.set(null)),
      firstValueFrom(this.requireMunicipality()).catch(() => undefined),
    ]);
  }

  /** The current municipality, fetched again if it was not loaded at start-up. */
  requireMunicipality(): Observable<MunicipalityRef> {
    const known = this.municipality();
    if (known) {
      return of(known);
    }
    return this.api
      .get<MunicipalityRef>('municipalities', 'current')
      .pipe(tap((municipality) => this.currentMunicipality.set(municipality)));
  }

  /** Signs in; rejects with ApiError (e.g. AUTH_INVALID_CREDENTIALS, RATE_LIMITED). */
  async login(credentials: LoginRequest): Promise<SessionUser> {
    const user = await firstValueFrom(
      this.api.post<MeResponse>(['auth', 'login'], credentials).pipe(map((response) => response.user)),
    );
    if (!user) {
      throw new Error('Login succeeded without a user in the response.');
    }
    this.currentUser.set(user);
    return user;
  }

  async logout(): Promise<void> {
    try {
      await firstValueFrom(this.api.postNoContent(['auth', 'logout']));
    } finally {
      // Forget the user locally even if the server call failed: the UI must not show a stale session.
      this.currentUser.set(null);
    }
  }

  /** The server no longer accepts the session (401): continue as a visitor. */
  expire(): void {
    this.currentUser.set(null);
  }
}
