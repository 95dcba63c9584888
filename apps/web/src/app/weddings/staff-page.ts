import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  Injector,
  PendingTasks,
  afterNextRender,
  computed,
  inject,
  linkedSignal,
  signal,
  viewChild,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { StaffBooking } from '@sekretariat/contracts';
import { type Observable, firstValueFrom } from 'rxjs';
import { LanguageService } from '../core/i18n/language.service';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { ErrorSummary } from '../shared/error-summary';
import { FieldError } from '../shared/field-error';
import { type FormProblem, FormProblems } from '../shared/form-problems';
import { LoadState } from '../shared/load-state';
import { ScrollRegion } from '../shared/scroll-region';
import { todayIso } from '../shared/today';
import { bookingProblemsFromError } from './booking-errors';
import { isDate } from './booking-rules';
import { WeddingsStaffApi, bookingExportUrl, staffDayListUrl } from './weddings-api';
import {
  addDays,
  formatClock,
  formatDay,
  formatMoment,
  formatShortDay,
  groupByDay,
} from './wedding-time';

/** The default range: today and the next 8 weeks. */
const DEFAULT_DAYS = 8 * 7;
/** The API's longest search. */
const MAX_DAYS = 366;

type Action = 'assign' | 'held' | 'cancel';

/** A message for the status region after an action: its key and the booking's time. */
interface Done {
  readonly key: string;
  readonly moment: string;
}

/**
 * `/vigsler`: the service centre's list of ceremonies in a date range (default the next 8
 * weeks), a table per day with place, time, couple, officiant and whether the prøvingsattest is
 * checked. Actions: assign the officiant, mark the certificate checked, mark the ceremony held,
 * cancel with a reason (the couple is told by e-mail). Each answer replaces its row; focus goes
 * to the row's time, since the button that was used may be gone.
 */
@Component({
  selector: 'app-weddings-staff-page',
  imports: [
    TranslocoPipe,
    ConfirmDialog,
    ErrorSummary,
    FieldError,
    LoadState,
    ScrollRegion,
    RouterLink,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './staff-page.html',
  styleUrl: './weddings.css',
})
export class StaffPage {
  private readonly api = inject(WeddingsStaffApi);
  private readonly pendingTasks = inject(PendingTasks);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);
  protected readonly language = inject(LanguageService);
  protected readonly formatDay = formatDay;
  protected readonly formatClock = formatClock;
  protected readonly formatShortDay = formatShortDay;
  /** The couple's data on request: a JSON download (audited by the API). */
  protected readonly exportUrl = bookingExportUrl;

  /** The day's list for the officiants as PDF (the API writes it in the municipality's written standard). */
  protected readonly dayListUrl = (date: string): string => staffDayListUrl(date);

  private readonly today = todayIso();
  protected readonly range = signal({
    from: this.today,
    to: addDays(this.today, DEFAULT_DAYS - 1),
  });
  protected readonly fromInput = signal(this.range().from);
  protected readonly toInput = signal(this.range().to);
  protected readonly rangeProblems = new FormProblems();

  protected readonly loaded = rxResource({
    params: () => this.range(),
    stream: ({ params }) => this.api.bookings(params.from, params.to),
  });
  protected readonly officiantList = rxResource({ stream: () => this.api.officiants() });
  protected readonly officiants = computed(() =>
    this.officiantList.hasValue() ? this.officiantList.value().items.filter((o) => o.active) : [],
  );
  /** The bookings as last answered: the list, then each action's answer in its row. */
  protected readonly bookings = linkedSignal<readonly StaffBooking[]>(() =>
    this.loaded.hasValue() ? this.loaded.value().items : [],
  );
  protected readonly days = computed(() => groupByDay(this.bookings(), (b) => b.startsAt));
  protected readonly rangeText = computed(() => ({
    from: formatShortDay(this.range().from, this.language.locale()),
    to: formatShortDay(this.range().to, this.language.locale()),
    count: this.bookings().length,
  }));

  /** The booking a dialog is open for, and which dialog. */
  protected readonly target = signal<{ booking: StaffBooking; action: Action } | null>(null);
  protected readonly officiantChoice = signal('');
  protected readonly cancelReason = signal('');
  /** The booking an action is being saved for. */
  protected readonly busy = signal<string | null>(null);
  protected readonly done = signal<Done | null>(null);
  protected readonly problems = new FormProblems();
  protected readonly dialogProblems = new FormProblems();

  private readonly assignDialog = viewChild<ConfirmDialog>('assignDialog');
  private readonly heldDialog = viewChild<ConfirmDialog>('heldDialog');
  private readonly cancelDialog = viewChild<ConfirmDialog>('cancelDialog');

  protected readonly targetMoment = computed(() => {
    const target = this.target();
    return target ? this.moment(target.booking) : '';
  });

  protected moment(booking: StaffBooking): string {
    return formatMoment(booking.startsAt, this.language.locale());
  }

  protected couple(booking: StaffBooking): string {
    return booking.parties.map((p) => p.name).join(' & ');
  }

  protected started(booking: StaffBooking): boolean {
    return Date.parse(booking.startsAt) <= Date.now();
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected show(event: Event): void {
    event.preventDefault();
    const from = this.fromInput();
    const to = this.toInput();
    const problems: FormProblem[] = [];
    const P = 'weddings.staff.problems.';
    if (!isDate(from)) problems.push({ field: 'range-from', messageKey: P + 'from' });
    if (!isDate(to)) problems.push({ field: 'range-to', messageKey: P + 'to' });
    else if (isDate(from) && to < from)
      problems.push({ field: 'range-to', messageKey: P + 'toBeforeFrom' });
    else if (isDate(from) && addDays(from, MAX_DAYS) < to)
      problems.push({ field: 'range-to', messageKey: P + 'tooLong', params: { days: MAX_DAYS } });
    this.rangeProblems.set(problems);
    if (problems.length > 0) return;
    this.done.set(null);
    this.range.set({ from, to });
  }

  protected open(booking: StaffBooking, action: Action): void {
    this.target.set({ booking, action });
    this.dialogProblems.clear();
    if (action === 'assign') {
      this.officiantChoice.set(booking.officiant?.id ?? '');
      this.assignDialog()?.open();
    } else if (action === 'held') {
      this.heldDialog()?.open();
    } else {
      this.cancelReason.set('');
      this.cancelDialog()?.open();
    }
  }

  protected assign(): void {
    const target = this.target();
    if (!target) return;
    this.run(
      target.booking,
      this.api.assignOfficiant(target.booking.id, { officiantId: this.officiantChoice() || null }),
      'weddings.staff.done.assigned',
      this.assignDialog(),
    );
  }

  protected markHeld(): void {
    const target = this.target();
    if (!target) return;
    this.run(
      target.booking,
      this.api.held(target.booking.id),
      'weddings.staff.done.held',
      this.heldDialog(),
    );
  }

  protected cancel(): void {
    const target = this.target();
    if (!target) return;
    const reason = this.cancelReason().trim();
    if (!reason) {
      this.dialogProblems.set([
        { field: 'cancel-reason', messageKey: 'weddings.staff.problems.reason' },
      ]);
      return;
    }
    this.run(
      target.booking,
      this.api.cancel(target.booking.id, { reason }),
      'weddings.staff.done.cancelled',
      this.cancelDialog(),
    );
  }

  protected certificateChecked(booking: StaffBooking): void {
    this.run(
      booking,
      this.api.certificateChecked(booking.id),
      'weddings.staff.done.certificate',
      undefined,
    );
  }

  /**
   * Sends one action and puts the answer in its row. A refusal is shown in the dialog it came
   * from, or above the table for the direct action.
   */
  private run(
    booking: StaffBooking,
    request: Observable<StaffBooking>,
    doneKey: string,
    dialog: ConfirmDialog | undefined,
  ): void {
    if (this.busy()) return;
    this.pendingTasks.run(async () => {
      this.busy.set(booking.id);
      this.problems.clear();
      this.dialogProblems.clear();
      try {
        const saved = await firstValueFrom(request);
        dialog?.close();
        this.bookings.update((list) => list.map((b) => (b.id === saved.id ? saved : b)));
        this.done.set({ key: doneKey, moment: this.moment(saved) });
        afterNextRender(
          () => {
            this.document.getElementById(`booking-${saved.id}`)?.focus();
          },
          { injector: this.injector },
        );
      } catch (error) {
        const problems = bookingProblemsFromError(error, { fieldIds: { reason: 'cancel-reason' } });
        if (dialog) this.dialogProblems.set(problems);
        else this.problems.set(problems);
      } finally {
        this.busy.set(null);
      }
    });
  }
}
