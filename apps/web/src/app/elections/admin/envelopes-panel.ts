import {
  ChangeDetectionStrategy,
  Component,
  PendingTasks,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ReceivedEnvelope, SentEnvelope } from '@sekretariat/contracts';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../../core/i18n/language.service';
import { ErrorSummary } from '../../shared/error-summary';
import { type FormProblem, FormProblems, problemsFromError } from '../../shared/form-problems';
import { FormField } from '../../shared/form-field';
import { IsoDatePipe } from '../../shared/iso-date.pipe';
import { LoadState } from '../../shared/load-state';
import { ScrollRegion } from '../../shared/scroll-region';
import { formatDateTime } from '../election-dates';
import { ElectionsApi } from '../elections-api';

const MUNICIPALITY_NUMBER = /^\d{4}$/;

/** The form's own checks, before the API's: the fields the register needs. */
export function envelopeProblems(
  prefix: 'received' | 'sent',
  form: { number: string; name: string; serial: string; personalNumber?: string; sentOn?: string },
): FormProblem[] {
  const problems: FormProblem[] = [];
  if (!MUNICIPALITY_NUMBER.test(form.number.trim())) {
    problems.push({ field: `${prefix}-number`, messageKey: 'elections.envelopes.numberInvalid' });
  }
  if (!form.name.trim()) {
    problems.push({ field: `${prefix}-name`, messageKey: 'elections.envelopes.nameRequired' });
  }
  if (!form.serial.trim()) {
    problems.push({ field: `${prefix}-serial`, messageKey: 'elections.envelopes.serialRequired' });
  }
  if (form.personalNumber && !/^\d{11}$/.test(form.personalNumber.replace(/\s/g, ''))) {
    problems.push({ field: `${prefix}-voter`, messageKey: 'elections.envelopes.voterInvalid' });
  }
  if (form.sentOn !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(form.sentOn)) {
    problems.push({ field: `${prefix}-date`, messageKey: 'elections.envelopes.dateRequired' });
  }
  return problems;
}

/**
 * The register of envelopes to and from other municipalities on the election's page: an
 * envelope received (from which municipality, its number; the arrival time is now, late after
 * kl. 17 the day after election day), an envelope sent (to which municipality, its number, the
 * date and the votes in it, chosen among the votes of that municipality's voters not yet sent),
 * and both lists.
 */
@Component({
  selector: 'app-envelopes-panel',
  imports: [TranslocoPipe, ErrorSummary, FormField, IsoDatePipe, LoadState, ScrollRegion],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './envelopes-panel.html',
  styleUrls: ['./admin.css', './envelopes-panel.css'],
})
export class EnvelopesPanel {
  private readonly api = inject(ElectionsApi);
  private readonly pendingTasks = inject(PendingTasks);
  protected readonly language = inject(LanguageService);

  readonly electionId = input.required<string>();
  /** The election board decides received envelopes (prøving). */
  readonly board = input(false);
  protected readonly decideProblems = new FormProblems();

  protected readonly register = rxResource({
    params: () => ({ id: this.electionId() }),
    stream: ({ params }) => this.api.envelopes(params.id),
  });

  protected readonly received = signal({ number: '', name: '', serial: '', personalNumber: '' });
  protected readonly receivedProblems = new FormProblems();
  protected readonly receivedDone = signal<ReceivedEnvelope | null>(null);

  protected readonly sent = signal({ number: '', name: '', serial: '', sentOn: '' });
  protected readonly sentVotes = signal<readonly string[]>([]);
  protected readonly sentProblems = new FormProblems();
  protected readonly sentDone = signal<SentEnvelope | null>(null);
  protected readonly saving = signal(false);

  /** The votes still to send to the municipality typed in (all of them until a number is typed). */
  protected readonly unsent = computed(() => {
    if (!this.register.hasValue()) return [];
    const number = this.sent().number.trim();
    return this.register
      .value()
      .unsent.filter(
        (u) => !MUNICIPALITY_NUMBER.test(number) || u.voterMunicipalityNumber === number,
      );
  });

  protected when(iso: string): string {
    return formatDateTime(iso, this.language.locale());
  }

  protected setReceived(
    field: 'number' | 'name' | 'serial' | 'personalNumber',
    event: Event,
  ): void {
    const value = (event.target as HTMLInputElement).value;
    this.received.update((f) => ({ ...f, [field]: value }));
  }

  protected setSent(field: 'number' | 'name' | 'serial' | 'sentOn', event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.sent.update((f) => ({ ...f, [field]: value }));
  }

  protected toggleVote(id: string, event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    this.sentVotes.update((ids) => (checked ? [...ids, id] : ids.filter((x) => x !== id)));
  }

  /** The board's prøving of a received envelope: approve one in time, reject a late one as late. */
  protected decide(envelope: ReceivedEnvelope): void {
    this.pendingTasks.run(() => this.saveDecision(envelope));
  }

  private async saveDecision(envelope: ReceivedEnvelope): Promise<void> {
    if (this.saving()) return;
    this.saving.set(true);
    this.decideProblems.clear();
    try {
      await firstValueFrom(
        this.api.decideEnvelope(
          this.electionId(),
          envelope.id,
          envelope.late
            ? { decision: 'reject', ground: 'late' }
            : { decision: 'approve', ground: null },
        ),
      );
      this.register.reload();
    } catch (error) {
      this.decideProblems.set(problemsFromError(error));
    } finally {
      this.saving.set(false);
    }
  }

  protected submitReceived(event: Event): void {
    event.preventDefault();
    this.pendingTasks.run(() => this.saveReceived());
  }

  protected submitSent(event: Event): void {
    event.preventDefault();
    this.pendingTasks.run(() => this.saveSent());
  }

  private async saveReceived(): Promise<void> {
    if (this.saving()) return;
    const f = this.received();
    this.receivedDone.set(null);
    const problems = envelopeProblems('received', f);
    if (problems.length) {
      this.receivedProblems.set(problems);
      return;
    }
    this.receivedProblems.clear();
    this.saving.set(true);
    try {
      const done = await firstValueFrom(
        this.api.receiveEnvelope(this.electionId(), {
          fromMunicipalityNumber: f.number.trim(),
          fromMunicipalityName: f.name.trim(),
          serial: f.serial.trim(),
          arrivedAt: null,
          personalNumber: f.personalNumber.replace(/\s/g, '') || null,
        }),
      );
      this.receivedDone.set(done);
      this.received.set({ number: '', name: '', serial: '', personalNumber: '' });
      this.register.reload();
    } catch (error) {
      this.receivedProblems.set(
        problemsFromError(error, {
          fromMunicipalityNumber: 'received-number',
          fromMunicipalityName: 'received-name',
          serial: 'received-serial',
          personalNumber: 'received-voter',
        }),
      );
    } finally {
      this.saving.set(false);
    }
  }

  private async saveSent(): Promise<void> {
    if (this.saving()) return;
    const f = this.sent();
    this.sentDone.set(null);
    const problems = envelopeProblems('sent', f);
    if (problems.length) {
      this.sentProblems.set(problems);
      return;
    }
    this.sentProblems.clear();
    this.saving.set(true);
    try {
      const visible = new Set(this.unsent().map((u) => u.id));
      const done = await firstValueFrom(
        this.api.sendEnvelope(this.electionId(), {
          toMunicipalityNumber: f.number.trim(),
          toMunicipalityName: f.name.trim(),
          serial: f.serial.trim(),
          sentOn: f.sentOn,
          voteIds: this.sentVotes().filter((id) => visible.has(id)),
        }),
      );
      this.sentDone.set(done);
      this.sent.set({ number: '', name: '', serial: '', sentOn: '' });
      this.sentVotes.set([]);
      this.register.reload();
    } catch (error) {
      this.sentProblems.set(
        problemsFromError(error, {
          toMunicipalityNumber: 'sent-number',
          toMunicipalityName: 'sent-name',
          serial: 'sent-serial',
          sentOn: 'sent-date',
        }),
      );
    } finally {
      this.saving.set(false);
    }
  }
}
