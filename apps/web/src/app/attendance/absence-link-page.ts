import { ChangeDetectionStrategy, Component, PendingTasks, inject, input, signal, viewChild } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AbsenceReceipt } from '@sekretariat/contracts';
import { firstValueFrom } from 'rxjs';
import { FormProblems, problemsFromError } from '../shared/form-problems';
import { LoadState } from '../shared/load-state';
import { type AbsenceChoice, AbsenceForm } from './absence-form';
import { AttendanceApi } from './attendance-api';
import { MeetingFacts } from './meeting-facts';

/**
 * `/forfall/:token`: a member's personal link from the notice e-mail. They report absence for the
 * meeting, or disqualification in an item, without signing in; the secretariat and the next
 * substitute are told at once.
 */
@Component({
  selector: 'app-absence-link-page',
  imports: [TranslocoPipe, LoadState, MeetingFacts, AbsenceForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="ds-heading" data-size="lg">{{ 'attendance.link.heading' | transloco }}</h1>
    <app-load-state [loading]="info.isLoading()" [error]="info.error()" (retry)="info.reload()" />
    @if (info.hasValue()) {
      @let link = info.value();
      <p class="ds-paragraph lead">{{ 'attendance.link.intro' | transloco: { name: link.memberName } }}</p>
      <app-meeting-facts [meeting]="link.meeting" />
      <div aria-live="polite" class="status-region">
        @if (receipt(); as r) {
          <div class="ds-alert" data-color="success" data-testid="absence-reported">
            <p class="ds-paragraph">
              {{ (r.kind === 'absent' ? 'attendance.link.doneAbsent' : 'attendance.link.doneItem') | transloco: { number: r.agendaItemNumber } }}
              {{ (r.substituteAsked ? 'attendance.link.substituteAsked' : 'attendance.link.noSubstitute') | transloco }}
            </p>
          </div>
        }
      </div>
      @if (link.reported.length > 0) {
        <h2 class="ds-heading" data-size="sm">{{ 'attendance.link.already' | transloco }}</h2>
        <ul class="ds-list" data-testid="absence-already">
          @for (r of link.reported; track $index) {
            <li>
              {{ (r.kind === 'absent' ? 'attendance.link.reportedAbsent' : 'attendance.link.reportedItem') | transloco: { number: r.agendaItemNumber } }}
            </li>
          }
        </ul>
      }
      @if (!link.open) {
        <p class="ds-paragraph" data-testid="absence-closed">{{ 'attendance.link.closed' | transloco }}</p>
      } @else if (!receipt() && !link.reported.some(isWhole)) {
        <h2 class="ds-heading" data-size="sm">{{ 'attendance.link.formHeading' | transloco }}</h2>
        <app-absence-form idPrefix="link-absence" [items]="link.items" [problems]="problems" [saving]="saving()" (submitted)="report($event)" />
      }
    }
  `,
  styles: `
    .lead {
      max-width: 48em;
      margin-block: var(--ds-size-4);
    }
    h2.ds-heading {
      margin-block: var(--ds-size-6) var(--ds-size-3);
    }
  `,
})
export class AbsenceLinkPage {
  private readonly api = inject(AttendanceApi);
  private readonly pendingTasks = inject(PendingTasks);

  /** Route parameter `:token`. */
  readonly token = input.required<string>();

  protected readonly info = rxResource({ params: () => this.token(), stream: ({ params }) => this.api.absenceLink(params) });
  protected readonly receipt = signal<AbsenceReceipt | null>(null);
  protected readonly saving = signal(false);
  protected readonly problems = new FormProblems();
  private readonly form = viewChild(AbsenceForm);

  protected isWhole(r: { kind: string }): boolean {
    return r.kind === 'absent';
  }

  protected report(choice: AbsenceChoice): void {
    if (this.saving()) return;
    this.pendingTasks.run(async () => {
      this.saving.set(true);
      try {
        this.receipt.set(await firstValueFrom(this.api.reportByLink(this.token(), { agendaItemId: choice.agendaItemId, reason: choice.reason })));
        this.info.reload();
      } catch (error) {
        this.problems.set(problemsFromError(error, this.form()?.fieldIds() ?? {}));
      } finally {
        this.saving.set(false);
      }
    });
  }
}
