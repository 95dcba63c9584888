import {
  ChangeDetectionStrategy,
  Component,
  PendingTasks,
  inject,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AgendaItem, ClosedItemInput } from '@sekretariat/contracts';
import { firstValueFrom } from 'rxjs';
import { ErrorSummary } from '../shared/error-summary';
import { FormProblems, problemsFromError } from '../shared/form-problems';
import { ModalDialog } from '../shared/modal-dialog';
import { FormField } from '../shared/form-field';
import { FormActions } from '../shared/form-actions';
import { LEGAL_GROUND_OPTIONS } from './legal-grounds';
import { MeetingsApi } from './meetings-api';

/** The request: a closed item needs its legal ground (koml. § 11-5); an open one has none. */
export function toClosedItemInput(closed: boolean, legalGround: string): ClosedItemInput {
  return { closed, legalGround: closed ? legalGround || null : null };
}

/** "Lukket møte": whether an item is treated in closed session, and on what legal ground. */
@Component({
  selector: 'app-closed-item-dialog',
  imports: [TranslocoPipe, ModalDialog, ErrorSummary, FormField, FormActions],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-modal-dialog
      [heading]="'meetings.closed.heading' | transloco: { number: target()?.number ?? '' }"
      testId="closed-dialog"
      (closed)="target.set(null)"
    >
      @if (target(); as item) {
        <form class="dialog-body" novalidate (submit)="submit($event)">
          <p class="ds-paragraph">{{ 'meetings.closed.intro' | transloco }}</p>
          <app-error-summary [problems]="problems" />
          <div class="ds-field">
            <input
              id="closed-flag"
              class="ds-input"
              type="checkbox"
              [checked]="closed()"
              (change)="closed.set(checked($event))"
            />
            <label class="ds-label" for="closed-flag">{{
              'meetings.closed.flag' | transloco: { number: item.number }
            }}</label>
          </div>
          @if (closed()) {
            <app-form-field
              fieldId="closed-ground"
              labelKey="meetings.closed.ground"
              [problems]="problems"
            >
              <select
                id="closed-ground"
                class="ds-input"
                [value]="ground()"
                (change)="ground.set(value($event))"
                [attr.aria-invalid]="problems.for('closed-ground') ? true : null"
                [attr.aria-describedby]="problems.describedBy('closed-ground')"
              >
                <option value="">{{ 'meetings.closed.chooseGround' | transloco }}</option>
                @for (option of grounds; track option.code) {
                  <option [value]="option.code" lang="nb">{{ option.citation }}</option>
                }
              </select>
            </app-form-field>
          }
          <app-form-actions
            class="dialog-actions"
            submitTestId="closed-submit"
            submitKey="meetings.closed.save"
            [saving]="saving()"
            (cancelled)="close()"
          />
        </form>
      }
    </app-modal-dialog>
  `,
  styleUrl: './meetings.css',
})
export class ClosedItemDialog {
  private readonly api = inject(MeetingsApi);
  private readonly pendingTasks = inject(PendingTasks);
  private readonly dialog = viewChild.required(ModalDialog);

  readonly saved = output<AgendaItem>();

  protected readonly grounds = LEGAL_GROUND_OPTIONS;
  protected readonly target = signal<AgendaItem | null>(null);
  protected readonly closed = signal(false);
  protected readonly ground = signal('');
  protected readonly problems = new FormProblems();
  protected readonly saving = signal(false);

  open(item: AgendaItem): void {
    this.target.set(item);
    this.closed.set(item.closed);
    this.ground.set(item.legalGround ?? '');
    this.problems.clear();
    this.dialog().open();
  }

  protected close(): void {
    this.dialog().close();
  }

  protected checked(event: Event): boolean {
    return (event.target as HTMLInputElement).checked;
  }

  protected value(event: Event): string {
    return (event.target as HTMLSelectElement).value;
  }

  protected submit(event: Event): void {
    event.preventDefault();
    this.pendingTasks.run(() => this.save());
  }

  private async save(): Promise<void> {
    const item = this.target();
    if (!item || this.saving()) return;
    if (this.closed() && !this.ground()) {
      this.problems.set([{ field: 'closed-ground', messageKey: 'meetings.closed.groundRequired' }]);
      return;
    }
    this.saving.set(true);
    try {
      const saved = await firstValueFrom(
        this.api.setClosed(item.id, toClosedItemInput(this.closed(), this.ground())),
      );
      this.close();
      this.saved.emit(saved);
    } catch (error) {
      this.problems.set(problemsFromError(error, { legalGround: 'closed-ground' }));
    } finally {
      this.saving.set(false);
    }
  }
}
