import { ChangeDetectionStrategy, Component, PendingTasks, inject, linkedSignal, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { ErrorSummary } from '../shared/error-summary';
import { FieldError } from '../shared/field-error';
import { type FormProblem, FormProblems, problemsFromError } from '../shared/form-problems';
import { LoadState } from '../shared/load-state';
import { PublicOutreachApi } from './outreach-api';

type Field = 'personalNumber' | 'name' | 'address' | 'postcode' | 'phone' | 'reason' | 'appliedBy';

const FIELDS: readonly Field[] = ['personalNumber', 'name', 'address', 'postcode', 'phone', 'appliedBy'];

/**
 * `/stemme-hjemme`: a voter who cannot come to a voting place because of illness or disability,
 * or someone on their behalf, applies to vote at home. The API checks the deadline and the roll
 * and answers in the page's language; nothing of the voter's is shown back but the reference.
 */
@Component({
  selector: 'app-public-application-page',
  imports: [TranslocoPipe, LoadState, ErrorSummary, FieldError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './public-application-page.html',
  styleUrl: './outreach.css',
})
export class PublicApplicationPage {
  private readonly api = inject(PublicOutreachApi);
  private readonly pendingTasks = inject(PendingTasks);

  protected readonly fields = FIELDS;
  protected readonly info = rxResource({ stream: () => this.api.info() });
  protected readonly electionId = linkedSignal<string | null>(() =>
    this.info.hasValue() ? (this.info.value().elections.find((e) => e.open)?.id ?? null) : null,
  );
  protected readonly form = signal<Record<Field, string>>({ personalNumber: '', name: '', address: '', postcode: '', phone: '', reason: '', appliedBy: '' });
  protected readonly consent = signal(false);
  protected readonly problems = new FormProblems();
  protected readonly receipt = signal<string | null>(null);
  protected readonly sending = signal(false);

  protected set(field: Field, event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.form.update((f) => ({ ...f, [field]: value }));
  }

  protected chooseElection(event: Event): void {
    this.electionId.set((event.target as HTMLSelectElement).value || null);
  }

  protected setConsent(event: Event): void {
    this.consent.set((event.target as HTMLInputElement).checked);
  }

  protected submit(event: Event): void {
    event.preventDefault();
    this.pendingTasks.run(() => this.send());
  }

  private async send(): Promise<void> {
    if (this.sending()) return;
    const f = this.form();
    const problems: FormProblem[] = [];
    for (const field of ['personalNumber', 'name', 'address', 'postcode', 'phone', 'reason'] as const) {
      if (!f[field].trim()) problems.push({ field: `home-${field}`, messageKey: `outreach.public.required.${field}` });
    }
    if (!this.consent()) problems.push({ field: 'home-consent', messageKey: 'outreach.public.consentRequired' });
    const electionId = this.electionId();
    if (!electionId) problems.push({ field: null, messageKey: 'outreach.public.noElection' });
    this.problems.set(problems);
    if (problems.length > 0 || !electionId) return;
    this.sending.set(true);
    try {
      const r = await firstValueFrom(this.api.apply({ electionId, ...f, appliedBy: f.appliedBy.trim() || null, consent: true }));
      this.problems.clear();
      this.receipt.set(r.message);
    } catch (error) {
      this.problems.set(problemsFromError(error, Object.fromEntries([...FIELDS, 'reason'].map((k) => [k, `home-${k}`]))));
    } finally {
      this.sending.set(false);
    }
  }
}
