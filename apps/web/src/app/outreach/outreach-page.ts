import {
  ChangeDetectionStrategy,
  Component,
  PendingTasks,
  computed,
  inject,
  linkedSignal,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { CdkDrag, type CdkDragDrop, CdkDropList, moveItemInArray } from '@angular/cdk/drag-drop';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  INSTITUTION_KINDS,
  type Application,
  type ApplicationStatus,
  type InstitutionKind,
  type PlanGroupItem,
} from '@sekretariat/contracts';
import { type Observable, firstValueFrom, of } from 'rxjs';
import { SessionStore } from '../core/session/session-store';
import { hasAnyRole } from '../core/session/roles';
import { ErrorSummary } from '../shared/error-summary';
import { FormProblems, problemsFromError } from '../shared/form-problems';
import { LoadState } from '../shared/load-state';
import { OutreachApi } from './outreach-api';
import { OUTREACH_STAFF_ROLES } from './outreach-roles';
import { moveItem } from './route-order';

type Fields = Record<string, string>;

const EMPTY_APPLICATION: Fields = { personalNumber: '', name: '', address: '', postcode: '', phone: '', reason: '', appliedBy: '' };
const EMPTY_INSTITUTION: Fields = { kind: 'care_home', name: '', address: '', postcode: '', contactName: '', contactEmail: '', contactPhone: '' };
const EMPTY_SESSION: Fields = { institutionId: '', date: '', from: '10:00', to: '12:00', official1: '', official2: '' };

/**
 * Outreach voting for election staff (`/utekontakt`): home-voting applications (entered from a
 * phone call, approved or withdrawn), institutions and voting sessions there with two officials,
 * the day's planning into routes by area (order changed with the move up/down buttons), and the
 * routes with their printable list and the phone view. The board reads without the reasons.
 */
@Component({
  selector: 'app-outreach-page',
  imports: [RouterLink, TranslocoPipe, LoadState, ErrorSummary, CdkDropList, CdkDrag],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './outreach-page.html',
  styleUrl: './outreach.css',
})
export class OutreachPage {
  private readonly api = inject(OutreachApi);
  private readonly pendingTasks = inject(PendingTasks);
  private readonly session = inject(SessionStore);

  protected readonly kinds = INSTITUTION_KINDS;
  protected readonly canEdit = computed(() => hasAnyRole(this.session.callers(), OUTREACH_STAFF_ROLES));

  protected readonly elections = rxResource({ stream: () => this.api.elections() });
  protected readonly electionId = linkedSignal<string | null>(() => {
    if (!this.elections.hasValue()) return null;
    const items = this.elections.value();
    const today = new Date().toISOString().slice(0, 10);
    return (items.find((e) => e.electionDay >= today) ?? items[0])?.id ?? null;
  });

  private byElection<T>(load: (id: string) => Observable<T>, empty: T) {
    return rxResource({ params: () => this.electionId(), stream: ({ params }) => (params ? load(params) : of(empty)) });
  }
  protected readonly settings = rxResource({ params: () => this.electionId(), stream: ({ params }) => (params ? this.api.settings(params) : of(null)) });
  protected readonly applications = this.byElection((id) => this.api.applications(id), [] as Application[]);
  protected readonly sessions = this.byElection((id) => this.api.sessions(id), []);
  protected readonly routes = this.byElection((id) => this.api.routes(id), []);
  protected readonly institutions = rxResource({ stream: () => this.api.institutions() });
  protected readonly officials = rxResource({ params: () => this.canEdit(), stream: ({ params }) => (params ? this.api.officials() : of([])) });

  protected readonly application = signal<Fields>({ ...EMPTY_APPLICATION });
  protected readonly institution = signal<Fields>({ ...EMPTY_INSTITUTION });
  protected readonly session_ = signal<Fields>({ ...EMPTY_SESSION });
  protected readonly planDate = signal('');
  protected readonly planStart = signal('10:00');
  protected readonly planOfficials = signal<[string, string]>(['', '']);
  /** The stops of the route being made, in order. */
  protected readonly planned = signal<readonly PlanGroupItem[]>([]);
  protected readonly planArea = signal<string | null>(null);
  protected readonly planExplanation = signal<string | null>(null);

  protected readonly applicationProblems = new FormProblems();
  protected readonly institutionProblems = new FormProblems();
  protected readonly sessionProblems = new FormProblems();
  protected readonly planProblems = new FormProblems();
  protected readonly flash = signal<string | null>(null);
  /** The personal number typed per session, and the last answer of a vote registered there. */
  protected readonly sessionVoter = signal<Readonly<Record<string, string>>>({});
  protected readonly sessionVoteMessage = signal<string | null>(null);
  protected readonly sessionVoteProblems = new FormProblems();
  protected readonly me = computed(() => this.session.user()?.id ?? null);

  protected value(event: Event): string {
    return (event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement).value;
  }

  protected setField(form: 'application' | 'institution' | 'session', field: string, event: Event): void {
    const target = form === 'application' ? this.application : form === 'institution' ? this.institution : this.session_;
    target.update((f) => ({ ...f, [field]: this.value(event) }));
  }

  protected chooseElection(event: Event): void {
    this.electionId.set(this.value(event) || null);
  }

  protected setPlanOfficial(index: 0 | 1, event: Event): void {
    const next: [string, string] = [...this.planOfficials()];
    next[index] = this.value(event);
    this.planOfficials.set(next);
  }

  private run(task: () => Promise<void>): void {
    this.pendingTasks.run(task);
  }

  protected submitApplication(event: Event): void {
    event.preventDefault();
    this.run(async () => {
      const id = this.electionId();
      if (!id) return;
      const f = this.application();
      try {
        const a = await firstValueFrom(this.api.apply(id, { personalNumber: f['personalNumber']!, name: f['name']!, address: f['address']!, postcode: f['postcode']!, phone: f['phone']!, reason: f['reason']!, appliedBy: f['appliedBy'] || null }));
        this.applicationProblems.clear();
        this.application.set({ ...EMPTY_APPLICATION });
        this.flash.set(`${a.name}: ${a.reference}`);
        this.applications.reload();
      } catch (error) {
        this.applicationProblems.set(problemsFromError(error, { personalNumber: 'app-personalNumber', name: 'app-name', address: 'app-address', postcode: 'app-postcode', phone: 'app-phone', reason: 'app-reason' }));
      }
    });
  }

  protected setStatus(a: Application, status: ApplicationStatus): void {
    this.run(async () => {
      try {
        await firstValueFrom(this.api.setStatus(a.id, status));
        this.applicationProblems.clear();
      } catch (error) {
        this.applicationProblems.set(problemsFromError(error));
      }
      this.applications.reload();
    });
  }

  protected submitInstitution(event: Event): void {
    event.preventDefault();
    this.run(async () => {
      const f = this.institution();
      try {
        await firstValueFrom(this.api.createInstitution({ kind: f['kind'] as InstitutionKind, name: f['name']!, address: f['address']!, postcode: f['postcode']!, contactName: f['contactName']!, contactEmail: f['contactEmail']!, contactPhone: f['contactPhone']!, locale: 'nb' }));
        this.institutionProblems.clear();
        this.institution.set({ ...EMPTY_INSTITUTION });
        this.institutions.reload();
      } catch (error) {
        this.institutionProblems.set(problemsFromError(error, { name: 'inst-name', address: 'inst-address', postcode: 'inst-postcode', contactName: 'inst-contactName', contactEmail: 'inst-contactEmail', contactPhone: 'inst-contactPhone' }));
      }
    });
  }

  protected submitSession(event: Event): void {
    event.preventDefault();
    this.run(async () => {
      const id = this.electionId();
      if (!id) return;
      const f = this.session_();
      try {
        await firstValueFrom(this.api.createSession(id, { institutionId: f['institutionId']!, date: f['date']!, from: f['from']!, to: f['to']!, officials: [f['official1']!, f['official2']!], announce: true }));
        this.sessionProblems.clear();
        this.session_.set({ ...EMPTY_SESSION });
        this.sessions.reload();
      } catch (error) {
        this.sessionProblems.set(problemsFromError(error, { institutionId: 'session-institution', date: 'session-date', to: 'session-to', officials: 'session-official1' }));
      }
    });
  }

  protected setSessionVoter(sessionId: string, event: Event): void {
    this.sessionVoter.update((v) => ({ ...v, [sessionId]: this.value(event) }));
  }

  /** A vote received at the session by one of its officials: the counter's rules (ballot box or envelope). */
  protected registerSessionVote(sessionId: string, event: Event): void {
    event.preventDefault();
    this.run(async () => {
      try {
        const answer = await firstValueFrom(this.api.sessionVote(sessionId, { clientId: crypto.randomUUID(), personalNumber: (this.sessionVoter()[sessionId] ?? '').trim(), identityDoubt: false, envelopeSerial: null }));
        this.sessionVoteProblems.clear();
        this.sessionVoteMessage.set(answer.message);
        this.sessionVoter.update((v) => ({ ...v, [sessionId]: '' }));
      } catch (error) {
        this.sessionVoteMessage.set(null);
        this.sessionVoteProblems.set(problemsFromError(error, { personalNumber: `session-vote-${sessionId}` }));
      }
    });
  }

  protected isOfficial(officials: readonly { id: string }[]): boolean {
    return officials.some((o) => o.id === this.me());
  }

  protected loadPlan(): void {
    this.run(async () => {
      const id = this.electionId();
      if (!id || !this.planDate()) {
        this.planProblems.set([{ field: 'plan-date', messageKey: 'outreach.plan.dateRequired' }]);
        return;
      }
      const plan = await firstValueFrom(this.api.plan(id, this.planDate()));
      this.planProblems.clear();
      const first = plan.groups[0];
      this.planned.set(first?.applications ?? []);
      this.planArea.set(first?.area ?? null);
      this.planExplanation.set(first?.explanation ?? null);
    });
  }

  protected move(index: number, by: -1 | 1): void {
    this.planned.set(moveItem(this.planned(), index, by));
  }

  /** Drag and drop (mouse, touch); the move buttons do the same by keyboard. */
  protected drop(event: CdkDragDrop<unknown>): void {
    const next = [...this.planned()];
    moveItemInArray(next, event.previousIndex, event.currentIndex);
    this.planned.set(next);
  }

  protected remove(index: number): void {
    this.planned.set(this.planned().filter((_, i) => i !== index));
  }

  protected createRoute(): void {
    this.run(async () => {
      const id = this.electionId();
      if (!id) return;
      try {
        await firstValueFrom(this.api.createRoute(id, { date: this.planDate(), start: this.planStart(), minutesPerVisit: 30, officials: [...this.planOfficials()], applicationIds: this.planned().map((a) => a.id) }));
        this.planProblems.clear();
        this.planned.set([]);
        this.planArea.set(null);
        this.routes.reload();
        this.applications.reload();
      } catch (error) {
        this.planProblems.set(problemsFromError(error, { officials: 'plan-official1', date: 'plan-date', start: 'plan-start' }));
      }
    });
  }

  protected pdfUrl(routeId: string): string {
    return this.api.pdfUrl(routeId);
  }
}
