import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '../core/i18n/language.service';
import { LANGUAGE_OPTIONS, isLang } from '../core/i18n/languages';

@Component({
  selector: 'app-language-select',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="ds-field language">
      <label class="ds-label" data-weight="regular" for="language">{{
        'header.language' | transloco
      }}</label>
      <select
        id="language"
        class="ds-input"
        data-size="sm"
        data-width="auto"
        (change)="select($event)"
      >
        @for (option of options; track option.code) {
          <option
            [value]="option.code"
            [attr.lang]="option.code"
            [selected]="option.code === language.lang()"
          >
            {{ option.autonym }}
          </option>
        }
      </select>
    </div>
  `,
  styles: `
    .language {
      display: flex;
      align-items: center;
      gap: var(--ds-size-2);
    }
    .language > * + * {
      margin-top: 0;
    }
  `,
})
export class LanguageSelect {
  protected readonly language = inject(LanguageService);
  protected readonly options = LANGUAGE_OPTIONS;

  protected select(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    if (isLang(value)) {
      void this.language.use(value);
    }
  }
}
