import {
  ChangeDetectionStrategy,
  Component,
  PendingTasks,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { BodyDetail, SubstituteProposal } from '@sekretariat/contracts';
import { firstValueFrom } from 'rxjs';
import { ErrorSummary } from '../../shared/error-summary';
import { FormProblems, problemsFromError } from '../../shared/form-problems';
import { FormField } from '../../shared/form-field';
import { todayIso } from '../../shared/today';
import { BodiesApi } from '../bodies-api';

const FIELD_IDS: Record<string, string> = { personId: 'finder-absent', date: 'finder-date' };

/**
 * Editors: which substitute to call in when a member has sent apologies (koml. § 7-10).
 * The API skips those on leave and those already moved up; the secretariat ticks anyone
 * else who has said they cannot come.
 */
@Component({
  selector: 'app-substitute-finder',
  imports: [TranslocoPipe, ErrorSummary, FormField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-error-summary [problems]="problems" />
    <form class="form-stack" (submit)="find($event)" novalidate>
      <div class="form-row">
        <app-form-field
          fieldId="finder-absent"
          labelKey="bodies.finder.absent"
          [problems]="problems"
        >
          <select
            id="finder-absent"
            class="ds-input"
            required
            [value]="absentId()"
            (change)="chooseAbsent($event)"
            [attr.aria-invalid]="problems.for('finder-absent') ? true : null"
            [attr.aria-describedby]="problems.describedBy('finder-absent')"
          >
            <option value="">{{ 'bodies.finder.chooseMember' | transloco }}</option>
            @for (member of body().members; track member.membershipId) {
              <option [value]="member.personId">
                {{ member.name }}{{ member.party ? ' (' + member.party + ')' : '' }}
              </option>
            }
          </select>
        </app-form-field>
        <app-form-field fieldId="finder-date" labelKey="bodies.finder.date" [problems]="problems">
          <input
            id="finder-date"
            class="ds-input"
            type="date"
            required
            [value]="date()"
            (input)="chooseDate($event)"
            [attr.aria-invalid]="problems.for('finder-date') ? true : null"
            [attr.aria-describedby]="problems.describedBy('finder-date')"
          />
        </app-form-field>
      </div>

      @if (candidates().length > 0) {
        <fieldset class="ds-fieldset">
          <legend class="ds-label">{{ 'bodies.finder.unavailable' | transloco }}</legend>
          <p class="ds-paragraph" data-size="sm" data-field="description">
            {{ 'bodies.finder.unavailableHelp' | transloco }}
          </p>
          @for (substitute of candidates(); track substitute.membershipId) {
            <div class="ds-field">
              <input
                class="ds-input"
                type="checkbox"
                [id]="'finder-unavailable-' + substitute.personId"
                [checked]="unavailable().has(substitute.personId)"
                (change)="toggleUnavailable(substitute.personId, $event)"
              />
              <label class="ds-label" [for]="'finder-unavailable-' + substitute.personId">
                {{
                  'bodies.finder.candidate'
                    | transloco
                      : {
                          rank: substitute.rank,
                          name: substitute.name,
                          list: substitute.party ?? ('bodies.detail.noParty' | transloco),
                        }
                }}
              </label>
            </div>
          }
        </fieldset>
      }

      <button
        type="submit"
        class="ds-button"
        data-testid="finder-submit"
        [attr.aria-busy]="searching() || null"
      >
        {{ (searching() ? 'bodies.finder.searching' : 'bodies.finder.submit') | transloco }}
      </button>
    </form>

    <div class="result" aria-live="polite" data-testid="finder-result">
      @if (proposal(); as result) {
        <div class="ds-alert" [attr.data-color]="result.substitute ? 'success' : 'warning'">
          <h3 class="ds-heading" data-size="2xs">
            @if (result.substitute; as substitute) {
              {{
                'bodies.finder.proposal'
                  | transloco
                    : { name: substitute.name, rank: substitute.rank, list: substitute.list }
              }}
            } @else {
              {{ 'bodies.finder.noProposal' | transloco }}
            }
          </h3>
          <p class="ds-paragraph" lang="nb">{{ result.explanation }}</p>
          @if (result.skipped.length > 0) {
            <p class="ds-paragraph">{{ 'bodies.finder.skipped' | transloco }}</p>
            <ul class="ds-list">
              @for (skipped of result.skipped; track skipped.personId) {
                <li>
                  {{
                    'bodies.finder.skippedItem'
                      | transloco: { rank: skipped.rank, name: skipped.name }
                  }}
                  {{ 'bodies.finder.reason.' + skipped.reason | transloco }}
                </li>
              }
            </ul>
          }
        </div>
      }
    </div>
  `,
  styles: `
    .result {
      margin-top: var(--ds-size-6);
    }
  `,
})
export class SubstituteFinder {
  private readonly api = inject(BodiesApi);
  private readonly pendingTasks = inject(PendingTasks);

  readonly body = input.required<BodyDetail>();
  /** Substitutes are called in from the absent member's own list. */
  readonly perList = input(true);

  protected readonly absentId = signal('');
  protected readonly date = signal(todayIso());
  protected readonly unavailable = signal<ReadonlySet<string>>(new Set());
  protected readonly proposal = signal<SubstituteProposal | null>(null);
  protected readonly searching = signal(false);
  protected readonly problems = new FormProblems();

  /** Those who could be called in for the chosen member: their list's substitutes, in order. */
  protected readonly candidates = computed(() => {
    const absent = this.body().members.find((m) => m.personId === this.absentId());
    if (!absent) return [];
    return this.body()
      .substitutes.filter((s) => !this.perList() || s.party === absent.party)
      .slice()
      .sort((a, b) => a.rank - b.rank);
  });

  protected chooseAbsent(event: Event): void {
    this.absentId.set((event.target as HTMLSelectElement).value);
    this.unavailable.set(new Set());
    this.proposal.set(null);
  }

  protected chooseDate(event: Event): void {
    this.date.set((event.target as HTMLInputElement).value);
  }

  protected toggleUnavailable(personId: string, event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    const next = new Set(this.unavailable());
    if (checked) next.add(personId);
    else next.delete(personId);
    this.unavailable.set(next);
  }

  protected find(event: Event): void {
    event.preventDefault();
    this.pendingTasks.run(() => this.search());
  }

  private async search(): Promise<void> {
    if (this.searching()) return;
    const problems = [];
    if (!this.absentId()) {
      problems.push({ field: 'finder-absent', messageKey: 'bodies.finder.absentRequired' });
    }
    if (!this.date()) {
      problems.push({ field: 'finder-date', messageKey: 'bodies.finder.dateRequired' });
    }
    this.problems.set(problems);
    if (problems.length > 0) return;
    this.searching.set(true);
    this.proposal.set(null);
    try {
      this.proposal.set(
        await firstValueFrom(
          this.api.substituteProposal(this.body().id, {
            personId: this.absentId(),
            date: this.date(),
            unavailable: [...this.unavailable()],
          }),
        ),
      );
    } catch (error) {
      this.problems.set(problemsFromError(error, FIELD_IDS));
    } finally {
      this.searching.set(false);
    }
  }
}
