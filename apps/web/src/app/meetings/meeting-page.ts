import {
  ChangeDetectionStrategy,
  Component,
  PendingTasks,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  signal,
  viewChild,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AgendaItem, MeetingDetail, MeetingStatus } from '@sekretariat/contracts';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../core/i18n/language.service';
import { TranslatedTitleStrategy } from '../core/routing/translated-title-strategy';
import { SessionStore } from '../core/session/session-store';
import { type Flash, FlashMessage } from '../shared/flash-message';
import { type FormProblem, problemsFromError } from '../shared/form-problems';
import { LoadState } from '../shared/load-state';
import { ProblemText } from '../shared/problem-text';
import { ModalDialog } from '../shared/modal-dialog';
import { MeetingSeats } from '../attendance/meeting-seats';
import { AddItemDialog, type Asker } from './add-item-dialog';
import { AgendaEditor } from './agenda-editor';
import { ClosedItemDialog } from './closed-item-dialog';
import { ItemEditDialog } from './item-edit-dialog';
import { formatClock, formatMeetingTime } from './meeting-time';
import { MeetingStatusTag } from './meeting-status-tag';
import { MeetingsApi } from './meetings-api';
import { CancelMeetingDialog } from './cancel-meeting-dialog';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { NoticeResendDialog } from './notice-resend-dialog';
import { NoticeTimelinessNote } from '../settings/notice-timeliness';

/**
 * The next status a meeting can be moved to by hand (publishing is its own action). The
 * protocol's approval is not a button here: it follows from the signatures on the Protokoll page.
 */
export function nextStatus(status: MeetingStatus): MeetingStatus | null {
  if (status === 'notice_sent') return 'held';
  return null;
}

/** Query parameter the edit form adds when it saved a change to a meeting whose notice was sent. */
export const CHANGED_PARAM = 'endret';

/** `/moter/:id`: the meeting with its agenda; the secretariat's tools to build it and send the notice. */
@Component({
  selector: 'app-meeting-page',
  imports: [
    RouterLink,
    TranslocoPipe,
    LoadState,
    ModalDialog,
    ProblemText,
    MeetingStatusTag,
    AgendaEditor,
    AddItemDialog,
    ClosedItemDialog,
    ItemEditDialog,
    NoticeResendDialog,
    CancelMeetingDialog,
    ConfirmDialog,
    MeetingSeats,
    NoticeTimelinessNote,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './meeting-page.html',
  styleUrl: './meetings.css',
})
export class MeetingPage {
  private readonly api = inject(MeetingsApi);
  private readonly pendingTasks = inject(PendingTasks);
  private readonly router = inject(Router);
  protected readonly language = inject(LanguageService);
  protected readonly session = inject(SessionStore);

  /** Route parameter `:id`. */
  readonly id = input.required<string>();
  /** Query parameter `endret=1`: the edit form saved a change after the notice was sent. */
  readonly endret = input<string>();

  protected readonly meeting = rxResource({
    params: () => this.id(),
    stream: ({ params: id }) => this.api.detail(id),
  });
  /** The meeting as last read or saved: actions update it without a new round trip. */
  protected readonly current = signal<MeetingDetail | null>(null);

  protected readonly flash = signal<Flash | null>(inject(FlashMessage).take());
  protected readonly actionProblems = signal<readonly FormProblem[]>([]);
  protected readonly busy = signal(false);

  protected readonly editable = computed(() => {
    const meeting = this.current();
    return (
      !!meeting &&
      this.session.isEditor() &&
      !meeting.cancellation &&
      (meeting.status === 'planned' || meeting.status === 'notice_sent')
    );
  });
  protected readonly next = computed(() => {
    const meeting = this.current();
    return meeting && this.session.isEditor() && !meeting.cancellation
      ? nextStatus(meeting.status)
      : null;
  });
  protected readonly caseIds = computed(
    () =>
      this.current()
        ?.items.map((item) => item.case?.id)
        .filter((id): id is string => !!id) ?? [],
  );
  protected readonly noticePdf = computed(() => this.api.noticePdfUrl(this.id()));
  protected readonly papersPdf = computed(() => this.api.papersPdfUrl(this.id()));

  protected readonly removing = signal<AgendaItem | null>(null);

  /**
   * Something the members were told (time, place, agenda, closed items) changed after the notice
   * was sent, and no changed notice has gone out since. Kept on this page only, not over a reload.
   */
  private readonly changedSinceNotice = linkedSignal(() => this.endret() === '1');
  protected readonly resendPending = computed(
    () =>
      this.changedSinceNotice() &&
      this.session.isEditor() &&
      this.current()?.status === 'notice_sent',
  );

  /** The body's members and substitutes, who may ask questions and interpellations. */
  private readonly body = rxResource({
    params: () => (this.editable() ? this.current()?.bodyId : undefined),
    stream: ({ params: bodyId }) => this.api.members(bodyId),
  });
  protected readonly askers = computed<readonly Asker[]>(() => {
    if (!this.body.hasValue()) return [];
    const seen = new Set<string>();
    return [...this.body.value().members, ...this.body.value().substitutes]
      .filter((row) => !seen.has(row.personId) && seen.add(row.personId))
      .map((row) => ({ personId: row.personId, name: row.name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  });

  private readonly addDialog = viewChild(AddItemDialog);
  private readonly closedDialog = viewChild(ClosedItemDialog);
  private readonly editDialog = viewChild(ItemEditDialog);
  private readonly publishDialog = viewChild<ModalDialog>('publishDialog');
  private readonly removeDialog = viewChild<ModalDialog>('removeDialog');
  private readonly resendDialog = viewChild(NoticeResendDialog);
  private readonly cancelDialog = viewChild(CancelMeetingDialog);
  protected readonly heldDialog = viewChild(ConfirmDialog);

  constructor() {
    const titles = inject(TranslatedTitleStrategy);
    effect(() => {
      if (this.meeting.hasValue()) this.current.set(this.meeting.value());
    });
    effect(() => {
      titles.setDetail(this.current()?.bodyName ?? null);
    });
  }

  protected when(meeting: MeetingDetail): string {
    const start = formatMeetingTime(meeting.startsAt, this.language.locale());
    return meeting.endsAt
      ? `${start}–${formatClock(meeting.endsAt, this.language.locale())}`
      : start;
  }

  protected openAdd(): void {
    this.addDialog()?.open();
  }

  protected openClosed(item: AgendaItem): void {
    this.closedDialog()?.open(item);
  }

  protected openEdit(item: AgendaItem): void {
    this.editDialog()?.open(item);
  }

  protected openRemove(item: AgendaItem): void {
    this.removing.set(item);
    this.removeDialog()?.open();
  }

  protected openPublish(): void {
    this.publishDialog()?.open();
  }

  protected openResend(): void {
    this.actionProblems.set([]);
    this.resendDialog()?.open();
  }

  protected openCancel(): void {
    this.actionProblems.set([]);
    this.cancelDialog()?.open();
  }

  /** Cancelled: the meeting stays, with the reason shown and its actions gone. */
  protected cancelled(): void {
    this.flash.set({ messageKey: 'meetings.cancel.done' });
    this.changedSinceNotice.set(false);
    this.meeting.reload();
  }

  protected cancelledOn(iso: string): string {
    return formatMeetingTime(iso, this.language.locale());
  }

  /** The changed notice is queued: nothing on the page changes but the message. */
  protected resent(): void {
    this.flash.set({ messageKey: 'meetings.resend.done' });
    this.changedSinceNotice.set(false);
    if (this.endret() !== undefined) {
      // Drop `endret=1`, so that going back or reloading does not bring the notice back.
      void this.router.navigate([], {
        queryParams: { [CHANGED_PARAM]: null },
        queryParamsHandling: 'merge',
        replaceUrl: true,
      });
    }
  }

  /** The agenda changed: after the notice was sent, the members must be told again. */
  protected agendaChanged(flash: Flash): void {
    this.markChanged();
    this.itemChanged(flash);
  }

  private markChanged(): void {
    if (this.current()?.status === 'notice_sent') this.changedSinceNotice.set(true);
  }

  protected closeDialog(dialog: ModalDialog): void {
    dialog.close();
  }

  /** An item was added or changed: read the agenda again (numbers and order come from the API). */
  protected itemChanged(flash: Flash): void {
    this.flash.set(flash);
    this.meeting.reload();
  }

  protected orderSaved(meeting: MeetingDetail): void {
    this.markChanged();
    this.current.set(meeting);
  }

  protected remove(): void {
    const item = this.removing();
    if (!item) return;
    this.run(async () => {
      await firstValueFrom(this.api.removeItem(item.id));
      this.removeDialog()?.close();
      this.agendaChanged({
        messageKey: 'meetings.agenda.removed',
        params: { number: item.number },
      });
    });
  }

  protected publish(): void {
    this.run(async () => {
      await firstValueFrom(this.api.publish(this.id()));
      this.publishDialog()?.close();
      this.itemChanged({ messageKey: 'meetings.publish.done' });
    });
  }

  protected advance(status: MeetingStatus): void {
    this.run(async () => {
      await firstValueFrom(this.api.setStatus(this.id(), status));
      this.heldDialog()?.close();
      this.itemChanged({ messageKey: `meetings.statusChanged.${status}` });
    });
  }

  private run(action: () => Promise<void>): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.actionProblems.set([]);
    this.pendingTasks.run(async () => {
      try {
        await action();
      } catch (error) {
        this.actionProblems.set(problemsFromError(error));
        // The message is on the page: a dialog left open would hide it.
        this.publishDialog()?.close();
        this.removeDialog()?.close();
        this.heldDialog()?.close();
      } finally {
        this.busy.set(false);
      }
    });
  }
}
