import { DOCUMENT, Injectable, computed, inject, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { DEFAULT_LANG, LANGUAGE_OPTIONS, type Lang, isLang } from './languages';
import { SCOPES } from './scopes';

const STORAGE_KEY = 'sekretariat.language';

/**
 * The UI language: switches Transloco at run time, remembers the choice in
 * localStorage and keeps `<html lang>` right for screen readers and hyphenation.
 */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  private readonly active = signal<Lang>(DEFAULT_LANG);

  readonly lang = this.active.asReadonly();
  readonly locale = computed(
    () => LANGUAGE_OPTIONS.find((option) => option.code === this.active())?.locale ?? 'nb-NO',
  );

  /** Activates the remembered language (or the default) with its translations loaded. */
  async init(): Promise<void> {
    await this.use(this.remembered() ?? DEFAULT_LANG, { remember: false });
  }

  async use(lang: Lang, options: { remember: boolean } = { remember: true }): Promise<void> {
    // Load first so the page never shows empty texts while switching; the scopes with it (see SCOPES).
    await Promise.all(
      [lang, ...SCOPES.map((scope) => `${scope}/${lang}`)].map(async (path) => {
        try {
          await firstValueFrom(this.transloco.load(path));
        } catch {
          // Transloco falls back to the default language's texts for what is missing.
        }
      }),
    );
    this.transloco.setActiveLang(lang);
    this.active.set(lang);
    this.document.documentElement.lang = lang;
    if (options.remember) {
      this.remember(lang);
    }
  }

  private remembered(): Lang | null {
    try {
      const stored = this.document.defaultView?.localStorage.getItem(STORAGE_KEY);
      return isLang(stored) ? stored : null;
    } catch {
      return null; // Storage can be blocked by privacy settings.
    }
  }

  private remember(lang: Lang): void {
    try {
      this.document.defaultView?.localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // Not remembered; the choice still applies for this visit.
    }
  }
}
