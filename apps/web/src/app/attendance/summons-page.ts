import { ChangeDetectionStrategy, Component, PendingTasks, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { TranslocoPipe } from '@jsverse/transloco';
import type { PublicSummons } from '@sekretariat/contracts';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../core/i18n/language.service';
import { FormProblems, problemsFromError } from '../shared/form-problems';
import { ErrorSummary } from '../shared/error-summary';
import { LoadState } from '../shared/load-state';
import { AttendanceApi, formatMoment } from './attendance-api';
import { MeetingFacts } from './meeting-facts';

/**
 * `/innkalling/:token`: a substitute's summons from the e-mail, without signing in. Shows the
 * meeting and whom they replace; they accept or decline with a button (opening the link changes
 * nothing, so mail scanners that follow links do no harm). `?svar=ja|nei` from the e-mail only
 * says which button they meant.
 */
@Component({
  selector: 'app-summons-page',
  imports: [TranslocoPipe, LoadState, MeetingFacts, ErrorSummary],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="ds-heading" data-size="lg">{{ 'attendance.summons.heading' | transloco }}</h1>
    <app-load-state [loading]="summons.isLoading()" [error]="summons.error()" (retry)="summons.reload()" />
    @if (current(); as s) {
      <p class="ds-paragraph lead">
        {{ 'attendance.summons.intro' | transloco: { name: s.substituteName, replaces: s.replaces } }}
        @if (s.agendaItem; as item) {
          {{ 'attendance.summons.forItem' | transloco: { number: item.number, title: item.title } }}
        }
      </p>
      <app-meeting-facts [meeting]="s.meeting" />
      <div aria-live="polite" class="status-region">
        @if (s.status === 'accepted') {
          <div class="ds-alert" data-color="success" data-testid="summons-accepted">
            <p class="ds-paragraph">{{ 'attendance.summons.accepted' | transloco }}</p>
          </div>
        } @else if (s.status === 'declined') {
          <div class="ds-alert" data-color="info" data-testid="summons-declined">
            <p class="ds-paragraph">{{ 'attendance.summons.declined' | transloco }}</p>
          </div>
        } @else if (s.status === 'expired' || s.pastDeadline) {
          <div class="ds-alert" data-color="warning" data-testid="summons-expired">
            <p class="ds-paragraph">{{ 'attendance.summons.expired' | transloco }}</p>
          </div>
        } @else if (s.status === 'withdrawn') {
          <div class="ds-alert" data-color="info" data-testid="summons-withdrawn">
            <p class="ds-paragraph">{{ 'attendance.summons.withdrawn' | transloco }}</p>
          </div>
        }
      </div>
      <app-error-summary [problems]="problems" testId="summons-errors" />
      @if (s.status === 'pending' && !s.pastDeadline) {
        <p class="ds-paragraph">{{ 'attendance.summons.deadline' | transloco: { at: moment(s.deadline) } }}</p>
        <div class="answers">
          <button
            type="button"
            class="ds-button"
            [attr.data-variant]="hint() === 'nei' ? 'secondary' : 'primary'"
            data-testid="summons-accept"
            [attr.aria-busy]="saving() === 'accept' || null"
            (click)="answer('accept')"
          >
            {{ 'attendance.summons.accept' | transloco }}
          </button>
          <button
            type="button"
            class="ds-button"
            [attr.data-variant]="hint() === 'nei' ? 'primary' : 'secondary'"
            data-testid="summons-decline"
            [attr.aria-busy]="saving() === 'decline' || null"
            (click)="answer('decline')"
          >
            {{ 'attendance.summons.decline' | transloco }}
          </button>
        </div>
      }
    }
  `,
  styles: `
    .lead {
      max-width: 48em;
      margin-block: var(--ds-size-4);
    }
    .answers {
      display: flex;
      flex-wrap: wrap;
      gap: var(--ds-size-3);
      margin-top: var(--ds-size-4);
    }
  `,
})
export class SummonsPage {
  private readonly api = inject(AttendanceApi);
  private readonly language = inject(LanguageService);
  private readonly pendingTasks = inject(PendingTasks);

  /** Route parameter `:token`. */
  readonly token = input.required<string>();
  /** `?svar=ja|nei` from the e-mail's links. */
  readonly svar = input<string | undefined>(undefined);

  protected readonly summons = rxResource({ params: () => this.token(), stream: ({ params }) => this.api.summons(params) });
  private readonly answered = signal<PublicSummons | null>(null);
  protected readonly current = computed(() => this.answered() ?? (this.summons.hasValue() ? this.summons.value() : null));
  protected readonly hint = computed(() => this.svar());
  protected readonly saving = signal<'accept' | 'decline' | null>(null);
  protected readonly problems = new FormProblems();

  protected moment(iso: string): string {
    return formatMoment(iso, this.language.locale());
  }

  protected answer(answer: 'accept' | 'decline'): void {
    if (this.saving()) return;
    this.pendingTasks.run(async () => {
      this.saving.set(answer);
      this.problems.clear();
      try {
        this.answered.set(await firstValueFrom(this.api.answer(this.token(), answer)));
      } catch (error) {
        this.problems.set(problemsFromError(error));
        this.summons.reload();
      } finally {
        this.saving.set(null);
      }
    });
  }
}
