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
import type { AgendaItem, AgendaItemUpdateInput } from '@sekretariat/contracts';
import { firstValueFrom } from 'rxjs';
import { ErrorSummary } from '../shared/error-summary';
import { type FormProblem, FormProblems, problemsFromError } from '../shared/form-problems';
import { ModalDialog } from '../shared/modal-dialog';
import { FieldError } from '../shared/field-error';
import { FormField } from '../shared/form-field';
import { FormActions } from '../shared/form-actions';
import { MeetingsApi } from './meetings-api';

export interface ItemEditValue {
  readonly title: string;
  readonly recommendation: string;
  /** "h:mm:ss", "m:ss" or seconds; empty for none. */
  readonly videoStart: string;
}

/** Seconds from "1:02:03", "2:03" or "123"; null for empty; NaN when unreadable. */
export function parseVideoStart(text: string): number | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  if (!/^\d+(:\d{1,2}){0,2}$/.test(trimmed)) return Number.NaN;
  return trimmed.split(':').reduce((sum, part) => sum * 60 + Number(part), 0);
}

/** "1:02:03" for 3723 seconds. */
export function formatVideoStart(seconds: number | null): string {
  if (seconds === null) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(Math.floor(seconds / 3600))}:${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`;
}

/** The changes to send: only what differs from the item; the title only for items without a case. */
export function toItemUpdate(
  item: AgendaItem,
  value: ItemEditValue,
): AgendaItemUpdateInput | FormProblem[] {
  const seconds = parseVideoStart(value.videoStart);
  if (Number.isNaN(seconds)) {
    return [{ field: 'item-video-start', messageKey: 'meetings.itemEdit.videoStartInvalid' }];
  }
  const update: { -readonly [K in keyof AgendaItemUpdateInput]: AgendaItemUpdateInput[K] } = {};
  if (!item.case && value.title.trim() !== item.title) {
    if (!value.title.trim()) {
      return [{ field: 'item-edit-title', messageKey: 'meetings.addItem.titleRequired' }];
    }
    update.title = value.title.trim();
  }
  if (value.recommendation !== item.recommendation) update.recommendation = value.recommendation;
  if (seconds !== item.videoStartSeconds) update.videoStartSeconds = seconds;
  return update;
}

/** Edit an agenda item: the body's recommendation (innstilling), the video start, a caseless title. */
@Component({
  selector: 'app-item-edit-dialog',
  imports: [TranslocoPipe, ModalDialog, ErrorSummary, FieldError, FormField, FormActions],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-modal-dialog
      [heading]="'meetings.itemEdit.heading' | transloco: { number: target()?.number ?? '' }"
      testId="item-edit-dialog"
      (closed)="target.set(null)"
    >
      @if (target(); as item) {
        <form class="dialog-body" novalidate (submit)="submit($event)">
          <app-error-summary [problems]="problems" />
          @if (!item.case) {
            <app-form-field
              fieldId="item-edit-title"
              labelKey="meetings.addItem.title"
              [problems]="problems"
            >
              <input
                id="item-edit-title"
                class="ds-input"
                type="text"
                maxlength="300"
                [value]="title()"
                (input)="title.set(value($event))"
                [attr.aria-invalid]="problems.for('item-edit-title') ? true : null"
                [attr.aria-describedby]="problems.describedBy('item-edit-title')"
              />
            </app-form-field>
          }
          <div class="ds-field">
            <label class="ds-label" for="item-recommendation">{{
              'meetings.itemEdit.recommendation' | transloco
            }}</label>
            <div
              class="ds-paragraph"
              data-size="sm"
              data-field="description"
              id="item-recommendation-help"
            >
              {{ 'meetings.itemEdit.recommendationHelp' | transloco }}
            </div>
            <textarea
              id="item-recommendation"
              class="ds-input"
              rows="5"
              maxlength="50000"
              [value]="recommendation()"
              (input)="recommendation.set(value($event))"
              [attr.aria-invalid]="problems.for('item-recommendation') ? true : null"
              [attr.aria-describedby]="
                problems.describedBy('item-recommendation', 'item-recommendation-help')
              "
            ></textarea>
            <app-field-error [problems]="problems" field="item-recommendation" />
          </div>
          <div class="ds-field">
            <label class="ds-label" for="item-video-start">{{
              'meetings.itemEdit.videoStart' | transloco
            }}</label>
            <div
              class="ds-paragraph"
              data-size="sm"
              data-field="description"
              id="item-video-start-help"
            >
              {{ 'meetings.itemEdit.videoStartHelp' | transloco }}
            </div>
            <input
              id="item-video-start"
              class="ds-input"
              type="text"
              inputmode="numeric"
              size="10"
              data-width="auto"
              [value]="videoStart()"
              (input)="videoStart.set(value($event))"
              [attr.aria-invalid]="problems.for('item-video-start') ? true : null"
              [attr.aria-describedby]="
                problems.describedBy('item-video-start', 'item-video-start-help')
              "
            />
            <app-field-error [problems]="problems" field="item-video-start" />
          </div>
          <app-form-actions
            class="dialog-actions"
            submitKey="meetings.itemEdit.save"
            [saving]="saving()"
            (cancelled)="close()"
          />
        </form>
      }
    </app-modal-dialog>
  `,
  styleUrl: './meetings.css',
})
export class ItemEditDialog {
  private readonly api = inject(MeetingsApi);
  private readonly pendingTasks = inject(PendingTasks);
  private readonly dialog = viewChild.required(ModalDialog);

  readonly saved = output<AgendaItem>();

  protected readonly target = signal<AgendaItem | null>(null);
  protected readonly title = signal('');
  protected readonly recommendation = signal('');
  protected readonly videoStart = signal('');
  protected readonly problems = new FormProblems();
  protected readonly saving = signal(false);

  open(item: AgendaItem): void {
    this.target.set(item);
    this.title.set(item.title);
    this.recommendation.set(item.recommendation);
    this.videoStart.set(formatVideoStart(item.videoStartSeconds));
    this.problems.clear();
    this.dialog().open();
  }

  protected close(): void {
    this.dialog().close();
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected submit(event: Event): void {
    event.preventDefault();
    this.pendingTasks.run(() => this.save());
  }

  private async save(): Promise<void> {
    const item = this.target();
    if (!item || this.saving()) return;
    const update = toItemUpdate(item, {
      title: this.title(),
      recommendation: this.recommendation(),
      videoStart: this.videoStart(),
    });
    if (Array.isArray(update)) {
      this.problems.set(update);
      return;
    }
    if (Object.keys(update).length === 0) {
      this.close();
      return;
    }
    this.saving.set(true);
    try {
      const saved = await firstValueFrom(this.api.updateItem(item.id, update));
      this.close();
      this.saved.emit(saved);
    } catch (error) {
      this.problems.set(
        problemsFromError(error, {
          title: 'item-edit-title',
          recommendation: 'item-recommendation',
          videoStartSeconds: 'item-video-start',
        }),
      );
    } finally {
      this.saving.set(false);
    }
  }
}
