import {
  ChangeDetectionStrategy,
  Component,
  PendingTasks,
  computed,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AgendaItem, AgendaItemInput, AgendaItemType } from '@sekretariat/contracts';
import { firstValueFrom, of, switchMap, timer } from 'rxjs';
import { ErrorSummary } from '../shared/error-summary';
import { type FormProblem, FormProblems, problemsFromError } from '../shared/form-problems';
import { ModalDialog } from '../shared/modal-dialog';
import { FieldError } from '../shared/field-error';
import { FormField } from '../shared/form-field';
import { FormActions } from '../shared/form-actions';
import { MeetingsApi } from './meetings-api';

export type AddItemKind = 'case' | 'other';

/** Item types for a case, and for items without one (orientations, references, questions). */
export const CASE_ITEM_TYPES: readonly AgendaItemType[] = ['PS', 'DS', 'RS'];
export const OTHER_ITEM_TYPES: readonly AgendaItemType[] = ['OS', 'RS', 'SP', 'IP'];

const FIELD_IDS: Readonly<Record<string, string>> = {
  caseId: 'item-case-search',
  title: 'item-title',
  type: 'item-type',
  askerPersonId: 'item-asker',
};

export interface AddItemValue {
  readonly kind: AddItemKind;
  readonly type: AgendaItemType;
  readonly caseId: string | null;
  readonly title: string;
  /** Who asks (questions and interpellations); '' for nobody. */
  readonly askerPersonId?: string;
}

/** Questions and interpellations have an asker. */
export function hasAsker(type: AgendaItemType): boolean {
  return type === 'SP' || type === 'IP';
}

export interface Asker {
  readonly personId: string;
  readonly name: string;
}

/** The request for the dialog's choice, or the problems that stop it. */
export function toAgendaItemInput(value: AddItemValue): AgendaItemInput | FormProblem[] {
  if (value.kind === 'case') {
    return value.caseId
      ? { caseId: value.caseId, type: value.type, title: null, askerPersonId: null }
      : [{ field: 'item-case-search', messageKey: 'meetings.addItem.caseRequired' }];
  }
  const title = value.title.trim();
  return title
    ? {
        caseId: null,
        type: value.type,
        title,
        askerPersonId: (hasAsker(value.type) && value.askerPersonId) || null,
      }
    : [{ field: 'item-title', messageKey: 'meetings.addItem.titleRequired' }];
}

/** "Legg til sak": a case found by archive reference or title, or an item without a case. */
@Component({
  selector: 'app-add-item-dialog',
  imports: [TranslocoPipe, ModalDialog, ErrorSummary, FieldError, FormField, FormActions],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './add-item-dialog.html',
  styleUrl: './meetings.css',
})
export class AddItemDialog {
  private readonly api = inject(MeetingsApi);
  private readonly pendingTasks = inject(PendingTasks);

  readonly meetingId = input.required<string>();
  /** Case ids already on the agenda, marked in the results. */
  readonly onAgenda = input<readonly string[]>([]);
  /** The body's members, who may ask questions and interpellations. */
  readonly askers = input<readonly Asker[]>([]);
  readonly added = output<AgendaItem>();

  private readonly dialog = viewChild.required(ModalDialog);

  protected readonly kind = signal<AddItemKind>('case');
  protected readonly type = signal<AgendaItemType>('PS');
  protected readonly query = signal('');
  protected readonly caseId = signal<string | null>(null);
  protected readonly title = signal('');
  protected readonly askerPersonId = signal('');
  protected readonly showAsker = computed(() => this.kind() === 'other' && hasAsker(this.type()));
  protected readonly problems = new FormProblems();
  protected readonly saving = signal(false);
  protected readonly types = computed(() =>
    this.kind() === 'case' ? CASE_ITEM_TYPES : OTHER_ITEM_TYPES,
  );

  /** Search as the user types, a moment after the last key. */
  protected readonly results = rxResource({
    params: () => (this.kind() === 'case' ? this.query() : null),
    stream: ({ params: q }) =>
      q === null
        ? of({ items: [] })
        : timer(q ? 250 : 0).pipe(switchMap(() => this.api.searchCases(q, 10))),
  });

  open(): void {
    this.kind.set('case');
    this.type.set('PS');
    this.query.set('');
    this.caseId.set(null);
    this.title.set('');
    this.askerPersonId.set('');
    this.problems.clear();
    this.dialog().open();
  }

  protected close(): void {
    this.dialog().close();
  }

  protected chooseKind(kind: AddItemKind): void {
    this.kind.set(kind);
    this.type.set(kind === 'case' ? 'PS' : 'OS');
    this.problems.clear();
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected submit(event: Event): void {
    event.preventDefault();
    this.pendingTasks.run(() => this.save());
  }

  private async save(): Promise<void> {
    if (this.saving()) return;
    const input = toAgendaItemInput({
      kind: this.kind(),
      type: this.type(),
      caseId: this.caseId(),
      title: this.title(),
      askerPersonId: this.askerPersonId(),
    });
    if (Array.isArray(input)) {
      this.problems.set(input);
      return;
    }
    this.problems.clear();
    this.saving.set(true);
    try {
      const item = await firstValueFrom(this.api.addItem(this.meetingId(), input));
      this.dialog().close();
      this.added.emit(item);
    } catch (error) {
      this.problems.set(problemsFromError(error, FIELD_IDS));
    } finally {
      this.saving.set(false);
    }
  }
}
