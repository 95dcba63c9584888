import { ChangeDetectionStrategy, Component, PendingTasks, computed, inject, input, signal, viewChild } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Absence, MeetingDetail } from '@sekretariat/contracts';
import { firstValueFrom } from 'rxjs';
import { ApiClient } from '../core/api/api-client';
import { FormProblems, problemsFromError } from '../shared/form-problems';
import { ModalDialog } from '../shared/modal-dialog';
import { type AbsenceChoice, AbsenceForm } from './absence-form';
import { AttendanceApi } from './attendance-api';

/**
 * For an official's reader: report your own absence (or disqualification in an item) for the
 * meeting, see what you have reported, and withdraw it. Embed as `<app-report-absence [meetingId]="id" />`.
 */
@Component({
  selector: 'app-report-absence',
  imports: [TranslocoPipe, ModalDialog, AbsenceForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="report-absence" data-testid="report-absence">
      <div aria-live="polite" class="status-region">
        @if (message(); as key) {
          <div class="ds-alert" data-color="success" data-testid="report-absence-done"><p class="ds-paragraph">{{ key | transloco }}</p></div>
        }
      </div>
      @if (own.hasValue() && own.value().items.length > 0) {
        <ul class="ds-list" data-testid="own-absences">
          @for (absence of own.value().items; track absence.id) {
            <li>
              {{ (absence.kind === 'absent' ? 'attendance.own.absent' : 'attendance.own.item') | transloco: { number: absence.agendaItemNumber } }}
              <button type="button" class="ds-button" data-variant="tertiary" data-size="sm" (click)="withdraw(absence)">
                {{ 'attendance.own.withdraw' | transloco }}
              </button>
            </li>
          }
        </ul>
      }
      @if (!whole()) {
        <button type="button" class="ds-button" data-variant="secondary" data-testid="report-absence-open" (click)="openDialog()">
          {{ 'attendance.own.report' | transloco }}
        </button>
      }
      <app-modal-dialog [heading]="'attendance.own.heading' | transloco" testId="report-absence-dialog">
        <app-absence-form idPrefix="own-absence" [items]="items()" [problems]="problems" [saving]="saving()" (submitted)="report($event)" />
      </app-modal-dialog>
    </div>
  `,
  styles: `
    .report-absence > * + * {
      margin-top: var(--ds-size-3);
    }
  `,
})
export class ReportAbsence {
  private readonly api = inject(AttendanceApi);
  private readonly client = inject(ApiClient);
  private readonly pendingTasks = inject(PendingTasks);

  readonly meetingId = input.required<string>();

  protected readonly own = rxResource({ params: () => this.meetingId(), stream: ({ params }) => this.api.ownAbsences(params) });
  private readonly meeting = rxResource({ params: () => this.meetingId(), stream: ({ params }) => this.client.get<MeetingDetail>('meetings', params) });
  protected readonly items = computed(() => (this.meeting.hasValue() ? this.meeting.value().items : []));
  protected readonly whole = computed(() => this.own.hasValue() && this.own.value().items.some((a) => a.kind === 'absent'));
  protected readonly saving = signal(false);
  protected readonly message = signal<string | null>(null);
  protected readonly problems = new FormProblems();
  private readonly dialog = viewChild.required(ModalDialog);
  private readonly form = viewChild(AbsenceForm);

  protected openDialog(): void {
    this.problems.clear();
    this.form()?.reset();
    this.dialog().open();
  }

  protected report(choice: AbsenceChoice): void {
    if (this.saving()) return;
    this.pendingTasks.run(async () => {
      this.saving.set(true);
      try {
        await firstValueFrom(this.api.reportOwn(this.meetingId(), { agendaItemId: choice.agendaItemId, reason: choice.reason }));
        this.dialog().close();
        this.message.set('attendance.own.done');
        this.own.reload();
      } catch (error) {
        this.problems.set(problemsFromError(error, this.form()?.fieldIds() ?? {}));
      } finally {
        this.saving.set(false);
      }
    });
  }

  protected withdraw(absence: Absence): void {
    this.pendingTasks.run(async () => {
      try {
        await firstValueFrom(this.api.withdraw(absence.id));
        this.message.set('attendance.own.withdrawn');
      } catch {
        this.message.set(null);
      }
      this.own.reload();
    });
  }
}
