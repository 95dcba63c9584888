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
import { EDITOR_ROLES, STAFF_ROLES, hasAnyRole } from './roles';

/** Whose view of the data a page asks the API for: staff endpoints or the public ones. */
export type ApiAudience = 'staff' | 'public';

/**
 * Who is using the app and for which municipality, as signals.
 * Loaded once at start-up (without holding up the first render); changed by
 * login, logout and by the API interceptor when the server has ended the session.
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly api = inject(ApiClient);

  private readonly currentUser = signal<SessionUser | null>(null);
  private readonly currentMunicipality = signal<MunicipalityRef | null>(null);
  private readonly loaded = signal(false);

  readonly user = this.currentUser.asReadonly();
  /** False until the first answer (or failure) from /api/auth/me. */
  readonly ready = this.loaded.asReadonly();
  /** The municipality this host serves; null until known (or if it could not be loaded). */
  readonly municipality = computed(
    () => this.currentMunicipality() ?? this.currentUser()?.municipality ?? null,
  );
  readonly isSignedIn = computed(() => this.currentUser() !== null);
  /** The caller's roles for access decisions in the UI; a visitor is `public`. */
  readonly callers = computed<readonly Caller[]>(() => this.currentUser()?.roles ?? ['public']);
  /** Signed-in staff of the municipality: may read the register (names, contact data, history). */
  readonly isStaff = computed(() => hasAnyRole(this.callers(), STAFF_ROLES));
  /** Admin and secretariat: may change the register. The API enforces the same rule. */
  readonly isEditor = computed(() => hasAnyRole(this.callers(), EDITOR_ROLES));
  /** Undefined until the session is known, so pages do not ask the public endpoints first by mistake. */
  readonly audience = computed<ApiAudience | undefined>(() => {
    if (!this.loaded()) return undefined;
    return this.currentUser() ? 'staff' : 'public';
  });

  /** Loads the session and the municipality. Never rejects: the app must start without the API. */
  async load(): Promise<void> {
    const loadUser = async (): Promise<void> => {
      try {
        const response = await firstValueFrom(this.api.get<MeResponse>('auth', 'me'));
        this.currentUser.set(response.user);
      } catch {
        this.currentUser.set(null);
      } finally {
        this.loaded.set(true);
      }
    };
    const loadMunicipality = async (): Promise<void> => {
      try {
        await firstValueFrom(this.requireMunicipality());
      } catch {
        // Shown where it matters: pages that need the municipality retry through requireMunicipality().
      }
    };
    await Promise.all([loadUser(), loadMunicipality()]);
  }

  /** The current municipality, fetched again if it was not loaded at start-up. */
  requireMunicipality(): Observable<MunicipalityRef> {
    const known = this.municipality();
    if (known) {
      return of(known);
    }
    return this.api.get<MunicipalityRef>('municipalities', 'current').pipe(
      tap((municipality) => {
        this.currentMunicipality.set(municipality);
      }),
    );
  }

  /** Signs in; rejects with ApiError (e.g. AUTH_INVALID_CREDENTIALS, RATE_LIMITED). */
  async login(credentials: LoginRequest): Promise<SessionUser> {
    const user = await firstValueFrom(
      this.api
        .post<MeResponse>(['auth', 'login'], credentials)
        .pipe(map((response) => response.user)),
    );
    if (!user) {
      throw new Error('Login succeeded without a user in the response.');
    }
    this.currentUser.set(user);
    this.loaded.set(true);
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
