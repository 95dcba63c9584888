import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  PendingTasks,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { RouteStop, VisitMarkInput, VisitOutcome } from '@sekretariat/contracts';
import { firstValueFrom } from 'rxjs';
import { ApiError } from '../core/api/api-error';
import { SessionStore } from '../core/session/session-store';
import { LoadState } from '../shared/load-state';
import { MarkNetworkError, MarkOutbox, MarkRefused, type SendMark } from './offline/mark-outbox';
import { IdbMarkStore } from './offline/mark-outbox-idb';
import { OutreachApi } from './outreach-api';

/** A mark made on this phone, until the route from the server shows it. */
interface LocalMark {
  readonly outcome: VisitOutcome;
  readonly state: 'queued' | 'sent' | 'refused';
  readonly message: string | null;
}

const OUTCOMES: readonly VisitOutcome[] = ['voted', 'not_at_home', 'refused'];

/** How often queued marks are tried again without an 'online' event. */
const RETRY_MS = 5_000;

/**
 * The officials' phone view of a route (`/utekontakt/rute/:id`, 360 px first): the visits in
 * order, each marked voted / not at home / refused with one button. A mark goes into the outbox
 * in IndexedDB first and is sent from there, at once when there is a network, else when the
 * browser is online again (or the page is opened again): never lost, never sent as two (the
 * mark's client id; the API is idempotent on it). A vote is registered by the API through the
 * counter's rules; its answer (ballot box or envelope) is shown.
 */
@Component({
  selector: 'app-outreach-route-page',
  imports: [RouterLink, TranslocoPipe, LoadState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './route-page.html',
  styleUrl: './outreach.css',
})
export class RoutePage {
  private readonly api = inject(OutreachApi);
  private readonly session = inject(SessionStore);
  private readonly pendingTasks = inject(PendingTasks);
  private readonly outbox = new MarkOutbox(new IdbMarkStore());

  /** Route parameter `:id`. */
  readonly id = input.required<string>();

  protected readonly outcomes = OUTCOMES;
  protected readonly route = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.route(params) });
  protected readonly local = signal<ReadonlyMap<string, LocalMark>>(new Map());
  protected readonly online = signal(typeof navigator === 'undefined' ? true : navigator.onLine);
  protected readonly queued = computed(() => [...this.local().values()].filter((m) => m.state === 'queued').length);
  protected readonly stops = computed<readonly RouteStop[]>(() => (this.route.hasValue() ? this.route.value().stops : []));
  protected readonly officialNames = computed(() => (this.route.hasValue() ? this.route.value().officials.map((o) => o.name).join(', ') : ''));
  protected readonly done = computed(() => this.stops().filter((s) => s.outcome !== null || this.local().has(s.id)).length);

  constructor() {
    const onOnline = () => {
      this.online.set(true);
      this.sync();
    };
    const onOffline = () => {
      this.online.set(false);
    };
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    // The 'online' event is not always sent (a network may come back without one): look again now and then.
    const retry = setInterval(() => {
      if (this.queued() > 0) this.sync();
    }, RETRY_MS);
    inject(DestroyRef).onDestroy(() => {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      clearInterval(retry);
    });
    this.pendingTasks.run(() => this.restore());
  }

  protected outcomeOf(stop: RouteStop): VisitOutcome | null {
    return stop.outcome ?? this.local().get(stop.id)?.outcome ?? null;
  }

  protected messageOf(stop: RouteStop): string | null {
    return this.local().get(stop.id)?.message ?? stop.voteMessage;
  }

  protected stateOf(stop: RouteStop): LocalMark['state'] | null {
    if (stop.outcome) return 'sent';
    return this.local().get(stop.id)?.state ?? null;
  }

  protected mark(stop: RouteStop, outcome: VisitOutcome): void {
    this.pendingTasks.run(() => this.save(stop, outcome));
  }

  private async save(stop: RouteStop, outcome: VisitOutcome): Promise<void> {
    const user = this.session.user();
    if (!user || this.outcomeOf(stop)) return;
    const input: VisitMarkInput = {
      clientId: crypto.randomUUID(),
      stopId: stop.id,
      outcome,
      markedAt: new Date().toISOString(),
      identityDoubt: false,
      envelopeSerial: null,
    };
    // Into IndexedDB first: from here on the mark survives a lost network, a closed tab, a flat battery.
    await this.outbox.enqueue(user.id, this.id(), input);
    this.setLocal(stop.id, { outcome, state: 'queued', message: null });
    await this.replay();
  }

  private sync(): void {
    this.pendingTasks.run(() => this.replay());
  }

  /** Marks left from before (offline, or the page closed) are shown and sent. */
  private async restore(): Promise<void> {
    const user = this.session.user();
    if (!user) return;
    for (const m of await this.outbox.pending(user.id, this.id())) {
      this.setLocal(m.input.stopId, { outcome: m.input.outcome, state: 'queued', message: null });
    }
    await this.replay();
  }

  private replaying = false;

  private async replay(): Promise<void> {
    const user = this.session.user();
    if (!user || this.replaying) return;
    this.replaying = true;
    try {
      await this.replayAs(user.id);
    } finally {
      this.replaying = false;
    }
  }

  private async replayAs(userId: string): Promise<void> {
    const send: SendMark = async (routeId, input) => {
      try {
        return await firstValueFrom(this.api.mark(routeId, input));
      } catch (error) {
        // No network, signed out meanwhile, or too many requests: kept, and sent again later.
        if (error instanceof ApiError && [0, 401, 429].includes(error.status)) throw new MarkNetworkError(String(error.status));
        if (error instanceof ApiError && error.status >= 400 && error.status < 500) throw new MarkRefused(error.code, error.message);
        throw new MarkNetworkError(error instanceof Error ? error.message : 'failed');
      }
    };
    const report = await this.outbox.replay(userId, send);
    for (const r of report.sent) this.setLocal(r.stopId, { outcome: r.outcome, state: 'sent', message: r.message });
    for (const r of report.refused) this.setLocal(r.input.stopId, { outcome: r.input.outcome, state: 'refused', message: r.message });
    if (report.offline) this.online.set(false);
    if (report.sent.length || report.refused.length) this.route.reload();
  }

  private setLocal(stopId: string, mark: LocalMark): void {
    const next = new Map(this.local());
    next.set(stopId, mark);
    this.local.set(next);
  }
}
