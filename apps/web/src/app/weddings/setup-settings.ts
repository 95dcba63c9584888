import {
  ChangeDetectionStrategy,
  Component,
  PendingTasks,
  effect,
  inject,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { TranslocoPipe } from '@jsverse/transloco';
import type { WeddingSettingsInput } from '@sekretariat/contracts';
import { firstValueFrom } from 'rxjs';
import { ErrorSummary } from '../shared/error-summary';
import { FieldError } from '../shared/field-error';
import type { FormProblem } from '../shared/form-problems';
import { LoadState } from '../shared/load-state';
import { SetupForm, SetupNav, isWhole, setupProblemsFromError, valueOf } from './setup-common';
import { WeddingsSetupApi } from './weddings-api';

const LANGS = ['nb', 'nn', 'en'] as const;
type Lang = (typeof LANGS)[number];
const FIELDS = {
  feeNok: 'settings-fee',
  retentionMonths: 'settings-retention',
  'infoText.nb': 'settings-info-nb',
  'infoText.nn': 'settings-info-nn',
  'infoText.en': 'settings-info-en',
};
const P = 'weddings.setup.settings.problems.';

/**
 * `/vigsler/oppsett/innstillinger`: the fee for couples the municipality need not marry free
 * (the rule itself is the law's, el. § 12 a), how long the personal data is kept after the
 * ceremony, and the public information text in bokmål, nynorsk and English.
 */
@Component({
  selector: 'app-wedding-setup-settings',
  imports: [TranslocoPipe, ErrorSummary, FieldError, LoadState, SetupNav],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './setup-settings.html',
  styleUrl: './setup-pages.css',
})
export class SetupSettings {
  private readonly api = inject(WeddingsSetupApi);
  private readonly pendingTasks = inject(PendingTasks);
  protected readonly langs = LANGS;
  protected readonly fields = FIELDS;

  protected readonly loaded = rxResource({ stream: () => this.api.settings() });
  protected readonly form = new SetupForm('settings-errors');
  protected readonly feeNok = signal('');
  protected readonly retentionMonths = signal('');
  protected readonly infoText = signal<Record<Lang, string>>({ nb: '', nn: '', en: '' });

  constructor() {
    effect(() => {
      if (!this.loaded.hasValue()) return;
      const s = this.loaded.value();
      this.feeNok.set(String(s.feeNok));
      this.retentionMonths.set(String(s.retentionMonths));
      this.infoText.set({ ...s.infoText });
    });
  }

  protected infoId(lang: Lang): string {
    return FIELDS[`infoText.${lang}`];
  }

  protected set(field: 'feeNok' | 'retentionMonths', event: Event): void {
    this[field].set(valueOf(event));
    this.form.touched();
  }

  protected setInfo(lang: Lang, event: Event): void {
    const value = valueOf(event);
    this.infoText.update((t) => ({ ...t, [lang]: value }));
    this.form.touched();
  }

  protected save(event: Event): void {
    event.preventDefault();
    const problems: FormProblem[] = [];
    if (!isWhole(this.feeNok(), 0, 100_000))
      problems.push({ field: FIELDS.feeNok, messageKey: P + 'fee' });
    if (!isWhole(this.retentionMonths(), 1, 120))
      problems.push({ field: FIELDS.retentionMonths, messageKey: P + 'retention' });
    for (const lang of LANGS) {
      if (this.infoText()[lang].length > 10_000)
        problems.push({ field: this.infoId(lang), messageKey: P + 'infoText' });
    }
    if (problems.length > 0) {
      this.form.fail(problems);
      return;
    }
    const t = this.infoText();
    const input: WeddingSettingsInput = {
      feeNok: Number(this.feeNok()),
      retentionMonths: Number(this.retentionMonths()),
      infoText: { nb: t.nb.trim(), nn: t.nn.trim(), en: t.en.trim() },
    };
    if (this.form.saving()) return;
    this.pendingTasks.run(async () => {
      this.form.saving.set(true);
      try {
        await firstValueFrom(this.api.saveSettings(input));
        this.form.succeed('weddings.setup.settings.done');
      } catch (error) {
        this.form.fail(setupProblemsFromError(error, FIELDS));
      } finally {
        this.form.saving.set(false);
      }
    });
  }
}
