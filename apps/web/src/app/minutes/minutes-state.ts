import { Injectable, PendingTasks, computed, inject, signal } from '@angular/core';
import type { Minutes } from '@sekretariat/contracts';
import { type Observable, firstValueFrom } from 'rxjs';
import { SessionStore } from '../core/session/session-store';
import { type FormProblems, problemsFromError } from '../shared/form-problems';
import { MinutesApi } from './minutes-api';

/** What the page's live region says after a change was saved. */
export interface Announcement {
  readonly id: number;
  readonly key: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

export interface SaveOptions {
  /** Where the API's refusal is shown (the form that sent it). */
  readonly problems: FormProblems;
  /** The API's field paths → the form's input ids. */
  readonly fieldIds?: Readonly<Record<string, string>>;
  /** Announced when saved. */
  readonly doneKey: string;
  readonly doneParams?: (minutes: Minutes) => Readonly<Record<string, unknown>>;
}

/**
 * The minutes as the page shows them, shared by its panels (provided by the page). Every change
 * answers with the whole Minutes, which replaces the state. Changes are sent one after another in
 * the order they were made, so that a fast secretariat never has an older answer win.
 */
@Injectable()
export class MinutesState {
  private readonly api = inject(MinutesApi);
  private readonly pendingTasks = inject(PendingTasks);
  private readonly session = inject(SessionStore);

  readonly minutes = signal<Minutes | null>(null);
  readonly pending = signal(0);
  readonly saving = computed(() => this.pending() > 0);
  readonly announcement = signal<Announcement | null>(null);

  /** The secretariat may change what is not yet approved. */
  readonly editable = computed(() => this.session.isEditor() && this.minutes()?.locked === false);
  /** The meeting of the page (set by the page from its route, before the minutes are loaded). */
  readonly requestedId = signal('');
  readonly meetingId = computed(() => this.minutes()?.meetingId ?? this.requestedId());

  private queue: Promise<unknown> = Promise.resolve();
  private announced = 0;

  /** Sends a change; true when it was saved (the state is then the answer). */
  save(
    call: (api: MinutesApi, meetingId: string) => Observable<Minutes>,
    options: SaveOptions,
  ): Promise<boolean> {
    const meetingId = this.meetingId();
    this.pending.update((n) => n + 1);
    // Keeps the app unstable (tests, server rendering) until the answer is in.
    const done = this.pendingTasks.add();
    const run = this.queue.then(async () => {
      try {
        const minutes = await firstValueFrom(call(this.api, meetingId));
        this.minutes.set(minutes);
        options.problems.clear();
        this.announce(options.doneKey, options.doneParams?.(minutes));
        return true;
      } catch (error) {
        options.problems.set(problemsFromError(error, options.fieldIds));
        return false;
      } finally {
        this.pending.update((n) => n - 1);
        done();
      }
    });
    this.queue = run;
    return run;
  }

  announce(key: string, params?: Readonly<Record<string, unknown>>): void {
    this.announcement.set({ id: ++this.announced, key, params });
  }
}
