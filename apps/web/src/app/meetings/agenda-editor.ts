import { CdkDrag, type CdkDragDrop, CdkDragHandle, CdkDropList } from '@angular/cdk/drag-drop';
import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  Injector,
  PendingTasks,
  afterNextRender,
  effect,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { AgendaItem, MeetingDetail } from '@sekretariat/contracts';
import { firstValueFrom } from 'rxjs';
import { errorMessageKey } from '../core/api/api-error';
import { moveItem, sameOrder } from './agenda-order';
import { MeetingsApi } from './meetings-api';

/**
 * The agenda (saksliste) in order. The secretariat reorders it by dragging (Angular CDK) or with
 * the move buttons; each move is saved at once and announced ("PS 3/26 flyttet til plass 2").
 */
@Component({
  selector: 'app-agenda-editor',
  imports: [CdkDropList, CdkDrag, CdkDragHandle, RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './agenda-editor.html',
  styleUrl: './meetings.css',
})
export class AgendaEditor {
  private readonly api = inject(MeetingsApi);
  private readonly transloco = inject(TranslocoService);
  private readonly pendingTasks = inject(PendingTasks);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);

  readonly meetingId = input.required<string>();
  readonly items = input.required<readonly AgendaItem[]>();
  /** The secretariat may change the agenda (and the meeting accepts changes). */
  readonly editable = input(false);
  /** Link case items to the case page (the secretariat's; others read the case in the agenda). */
  readonly caseLinks = input(false);

  /** The saved order came back from the API: the page takes the fresh meeting. */
  readonly saved = output<MeetingDetail>();
  readonly closeRequested = output<AgendaItem>();
  readonly removeRequested = output<AgendaItem>();
  readonly editRequested = output<AgendaItem>();

  /** The order shown: moves show at once, and go back if saving fails. */
  protected readonly order = signal<readonly AgendaItem[]>([]);
  protected readonly announcement = signal('');
  protected readonly errorKey = signal<string | null>(null);
  private saving: Promise<void> = Promise.resolve();

  constructor() {
    effect(() => {
      this.order.set(this.items());
    });
  }

  /** Move button: one place up (-1) or down (+1); focus stays on the item's buttons. */
  protected moveBy(index: number, delta: -1 | 1): void {
    const item = this.order()[index];
    if (!item) return;
    this.move(index, index + delta);
    const newIndex = this.order().findIndex((i) => i.id === item.id);
    const atEdge = delta < 0 ? newIndex === 0 : newIndex === this.order().length - 1;
    // At the top the up button is disabled: go on from the down button (and the other way round).
    const target = `${atEdge ? (delta < 0 ? 'down' : 'up') : delta < 0 ? 'up' : 'down'}-${item.id}`;
    afterNextRender(() => this.document.getElementById(target)?.focus(), {
      injector: this.injector,
    });
  }

  protected drop(event: CdkDragDrop<readonly AgendaItem[]>): void {
    this.move(event.previousIndex, event.currentIndex);
  }

  private move(from: number, to: number): void {
    const before = this.order();
    const after = moveItem(before, from, to);
    if (after === before) return;
    const moved = before[from];
    this.order.set(after);
    if (moved) {
      this.announcement.set(
        this.transloco.translate('meetings.agenda.moved', {
          number: moved.number,
          position: after.indexOf(moved) + 1,
        }),
      );
    }
    // Saves one after the other, so the last move wins.
    this.saving = this.saving.then(() => this.pendingTasks.run(() => this.save(before, after)));
  }

  private async save(before: readonly AgendaItem[], after: readonly AgendaItem[]): Promise<void> {
    if (!sameOrder(this.order(), after)) return; // a later move saves the newer order
    this.errorKey.set(null);
    try {
      const meeting = await firstValueFrom(
        this.api.reorder(
          this.meetingId(),
          after.map((item) => item.id),
        ),
      );
      this.saved.emit(meeting);
    } catch (error) {
      this.order.set(before);
      this.errorKey.set(errorMessageKey(error));
      this.announcement.set(this.transloco.translate('meetings.agenda.moveFailed'));
    }
  }
}
