import { DOCUMENT } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TranslocoService } from '@jsverse/transloco';
import { translocoTesting } from '../../../testing/i18n-testing';
import { LanguageService } from './language.service';

describe('LanguageService', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ imports: [translocoTesting()] });
  });

  it('starts in bokmål and sets <html lang>', async () => {
    const language = TestBed.inject(LanguageService);
    await language.init();
    expect(language.lang()).toBe('nb');
    expect(TestBed.inject(DOCUMENT).documentElement.lang).toBe('nb');
  });

  it('switches language at run time and remembers the choice', async () => {
    const language = TestBed.inject(LanguageService);
    await language.init();
    await language.use('nn');
    expect(TestBed.inject(TranslocoService).getActiveLang()).toBe('nn');
    expect(TestBed.inject(TranslocoService).translate('nav.home')).toBe('Framside');
    expect(TestBed.inject(DOCUMENT).documentElement.lang).toBe('nn');
    expect(localStorage.getItem('sekretariat.language')).toBe('nn');
    expect(language.locale()).toBe('nn-NO');
  });

  it('starts in the remembered language, ignoring unknown values', async () => {
    localStorage.setItem('sekretariat.language', 'en');
    const language = TestBed.inject(LanguageService);
    await language.init();
    expect(language.lang()).toBe('en');

    localStorage.setItem('sekretariat.language', 'sv');
    const other = TestBed.runInInjectionContext(() => new LanguageService());
    await other.init();
    expect(other.lang()).toBe('nb');
  });
});
