import {
  ChangeDetectionStrategy,
  Component,
  PendingTasks,
  computed,
  inject,
  linkedSignal,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { WeddingAvailability, WeddingAvailabilityInput } from '@sekretariat/contracts';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../core/i18n/language.service';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { ErrorSummary } from '../shared/error-summary';
import { FieldError } from '../shared/field-error';
import { type FormProblem, FormProblems } from '../shared/form-problems';
import { LoadState } from '../shared/load-state';
import { ScrollRegion } from '../shared/scroll-region';
import { todayIso } from '../shared/today';
import { isDate } from './booking-rules';
import {
  SetupForm,
  SetupNav,
  isWhole,
  previewParams,
  setupProblemsFromError,
  slotStarts,
  valueOf,
} from './setup-common';
import { formatShortDay } from './wedding-time';
import { WeddingsSetupApi } from './weddings-api';

const FIELDS = {
  placeId: 'rule-place',
  officiantId: 'rule-officiant',
  weekday: 'rule-weekday',
  startTime: 'rule-start',
  endTime: 'rule-end',
  slotMinutes: 'rule-slot',
  bufferMinutes: 'rule-buffer',
  validFrom: 'rule-from',
  validTo: 'rule-to',
};
const P = 'weddings.setup.availability.problems.';
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/**
 * `/vigsler/oppsett/tider`: the recurring availability per place (and officiant): weekday, start
 * and end in Norwegian time, slot length and the buffer after each slot, the period. Each rule is
 * previewed in words ("Fredager 10:00–14:00, 30 min, 15 min mellom") with the times it gives.
 */
@Component({
  selector: 'app-wedding-setup-availability',
  imports: [
    TranslocoPipe,
    ConfirmDialog,
    ErrorSummary,
    FieldError,
    LoadState,
    ScrollRegion,
    SetupNav,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './setup-availability.html',
  styleUrl: './setup-pages.css',
})
export class SetupAvailability {
  private readonly api = inject(WeddingsSetupApi);
  private readonly pendingTasks = inject(PendingTasks);
  private readonly transloco = inject(TranslocoService);
  protected readonly language = inject(LanguageService);
  protected readonly fields = FIELDS;
  protected readonly weekdays = WEEKDAYS;
  protected readonly timeFields = ['startTime', 'endTime'] as const;
  protected readonly minuteFields = ['slotMinutes', 'bufferMinutes'] as const;
  protected readonly dateFields = ['validFrom', 'validTo'] as const;
  protected readonly formatShortDay = formatShortDay;

  protected readonly loaded = rxResource({ stream: () => this.api.availability() });
  protected readonly placeList = rxResource({ stream: () => this.api.places() });
  protected readonly officiantList = rxResource({ stream: () => this.api.officiants() });
  protected readonly places = computed(() =>
    this.placeList.hasValue() ? this.placeList.value().items : [],
  );
  protected readonly officiants = computed(() =>
    this.officiantList.hasValue() ? this.officiantList.value().items : [],
  );
  protected readonly rules = linkedSignal<readonly WeddingAvailability[]>(() =>
    this.loaded.hasValue() ? this.loaded.value().items : [],
  );
  /** The rules by place name, then weekday and start. */
  protected readonly sorted = computed(() =>
    [...this.rules()].sort(
      (a, b) =>
        this.placeName(a.placeId).localeCompare(this.placeName(b.placeId), 'nb') ||
        a.weekday - b.weekday ||
        a.startTime.localeCompare(b.startTime),
    ),
  );

  protected readonly form = new SetupForm('rule-errors');
  protected readonly placeId = signal('');
  protected readonly officiantId = signal('');
  protected readonly weekday = signal('5');
  protected readonly startTime = signal('10:00');
  protected readonly endTime = signal('14:00');
  protected readonly slotMinutes = signal('30');
  protected readonly bufferMinutes = signal('15');
  protected readonly validFrom = signal(todayIso());
  protected readonly validTo = signal('');

  /** The form's rule in words while its values make sense, with the times it gives. */
  protected readonly preview = computed(() => {
    this.language.lang();
    const rule = {
      weekday: Number(this.weekday()),
      startTime: this.startTime(),
      endTime: this.endTime(),
      slotMinutes: Number(this.slotMinutes()),
      bufferMinutes: Number(this.bufferMinutes() || '0'),
    };
    if (
      !CLOCK.test(rule.startTime) ||
      !CLOCK.test(rule.endTime) ||
      rule.endTime <= rule.startTime ||
      !isWhole(this.slotMinutes(), 5, 480) ||
      !isWhole(this.bufferMinutes() || '0', 0, 240)
    ) {
      return null;
    }
    return { params: this.previewOf(rule), starts: slotStarts(rule).join(', ') };
  });

  protected readonly deleting = signal<WeddingAvailability | null>(null);
  protected readonly dialogProblems = new FormProblems();

  protected placeName(id: string): string {
    return this.places().find((p) => p.id === id)?.name ?? '';
  }

  protected officiantName(id: string | null): string | null {
    return id ? (this.officiants().find((o) => o.id === id)?.name ?? '') : null;
  }

  protected previewOf(
    rule: Pick<
      WeddingAvailability,
      'weekday' | 'startTime' | 'endTime' | 'slotMinutes' | 'bufferMinutes'
    >,
  ): Record<string, unknown> {
    return previewParams(rule, (w) =>
      this.transloco.translate(`weddings.setup.weekdaysPlural.${String(w)}`),
    );
  }

  protected current(field: keyof typeof FIELDS): string {
    return this[field]();
  }

  protected set(field: keyof typeof FIELDS, event: Event): void {
    this[field].set(valueOf(event));
    this.form.touched();
  }

  protected add(event: Event): void {
    event.preventDefault();
    const problems: FormProblem[] = [];
    const placeId = this.placeId();
    if (!placeId) problems.push({ field: FIELDS.placeId, messageKey: P + 'place' });
    if (!CLOCK.test(this.startTime()))
      problems.push({ field: FIELDS.startTime, messageKey: P + 'clock' });
    if (!CLOCK.test(this.endTime()))
      problems.push({ field: FIELDS.endTime, messageKey: P + 'clock' });
    else if (CLOCK.test(this.startTime()) && this.endTime() <= this.startTime())
      problems.push({ field: FIELDS.endTime, messageKey: P + 'endBeforeStart' });
    if (!isWhole(this.slotMinutes(), 5, 480))
      problems.push({ field: FIELDS.slotMinutes, messageKey: P + 'slot' });
    if (!isWhole(this.bufferMinutes() || '0', 0, 240))
      problems.push({ field: FIELDS.bufferMinutes, messageKey: P + 'buffer' });
    if (!isDate(this.validFrom()))
      problems.push({ field: FIELDS.validFrom, messageKey: P + 'from' });
    if (this.validTo() && !isDate(this.validTo()))
      problems.push({ field: FIELDS.validTo, messageKey: P + 'to' });
    else if (this.validTo() && isDate(this.validFrom()) && this.validTo() < this.validFrom())
      problems.push({ field: FIELDS.validTo, messageKey: P + 'toBeforeFrom' });
    if (problems.length > 0) {
      this.form.fail(problems);
      return;
    }
    const input: WeddingAvailabilityInput = {
      placeId,
      officiantId: this.officiantId() || null,
      weekday: Number(this.weekday()),
      startTime: this.startTime(),
      endTime: this.endTime(),
      slotMinutes: Number(this.slotMinutes()),
      bufferMinutes: Number(this.bufferMinutes() || '0'),
      validFrom: this.validFrom(),
      validTo: this.validTo() || null,
    };
    if (this.form.saving()) return;
    this.pendingTasks.run(async () => {
      this.form.saving.set(true);
      try {
        const saved = await firstValueFrom(this.api.addAvailability(input));
        this.rules.update((list) => [...list, saved]);
        this.form.succeed('weddings.setup.availability.done.created', {
          rule: this.transloco.translate(
            'weddings.setup.availability.preview',
            this.previewOf(saved),
          ),
          place: this.placeName(saved.placeId),
        });
        this.form.focusAfterRender(`rule-${saved.id}`);
      } catch (error) {
        this.form.fail(setupProblemsFromError(error, FIELDS));
      } finally {
        this.form.saving.set(false);
      }
    });
  }

  protected askDelete(rule: WeddingAvailability, dialog: ConfirmDialog): void {
    this.deleting.set(rule);
    this.dialogProblems.clear();
    this.form.touched();
    dialog.open();
  }

  protected confirmDelete(dialog: ConfirmDialog): void {
    const rule = this.deleting();
    if (!rule || this.form.saving()) return;
    this.pendingTasks.run(async () => {
      this.form.saving.set(true);
      try {
        await firstValueFrom(this.api.deleteAvailability(rule.id));
        dialog.close();
        this.rules.update((list) => list.filter((r) => r.id !== rule.id));
        this.form.succeed('weddings.setup.availability.done.deleted', {
          rule: this.transloco.translate(
            'weddings.setup.availability.preview',
            this.previewOf(rule),
          ),
          place: this.placeName(rule.placeId),
        });
        this.form.focusAfterRender('rules-list-heading');
      } catch (error) {
        this.dialogProblems.set(setupProblemsFromError(error, {}));
      } finally {
        this.form.saving.set(false);
      }
    });
  }
}
