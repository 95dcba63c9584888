import { TranslocoTestingModule, type TranslocoTestingOptions } from '@jsverse/transloco';
import en from '../../public/i18n/en.json';
import nb from '../../public/i18n/nb.json';
import nn from '../../public/i18n/nn.json';

export const TRANSLATIONS = { nb, nn, en } as const;

/** Transloco with the real translation files, synchronously available, for component tests. */
export function translocoTesting(options: Partial<TranslocoTestingOptions> = {}) {
  return TranslocoTestingModule.forRoot({
    langs: TRANSLATIONS,
    translocoConfig: {
      availableLangs: ['nb', 'nn', 'en'],
      defaultLang: 'nb',
      reRenderOnLangChange: true,
    },
    preloadLangs: true,
    ...options,
  });
}
