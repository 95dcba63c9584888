import {
  BOOKING_STATUSES,
  CEREMONY_LANGUAGES,
  OFFICIANT_KINDS,
  RESIDENCES,
} from '@sekretariat/contracts';
import { SCOPED_TRANSLATIONS } from '../../testing/i18n-testing';
import { WEDDING_ERRORS } from './booking-errors';
import { type BookingFormValue, validateBooking } from './booking-rules';

type Tree = { readonly [key: string]: string | Tree };

function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

const LANGS = ['nb', 'nn', 'en'] as const;
const texts = (lang: (typeof LANGS)[number]): Tree => SCOPED_TRANSLATIONS.weddings[lang];
/** `weddings.errors.slotTaken` → `errors.slotTaken` in the scope's file. */
const inScope = (key: string) => key.replace(/^weddings\./, '');

/** The rest (same keys in nb, nn and en, every key used exists) is core/i18n/translations.spec.ts. */
describe('the weddings texts', () => {
  it.each(LANGS)(
    'name every ceremony language, residence, status and officiant kind in %s',
    (lang) => {
      const keys = [
        ...CEREMONY_LANGUAGES.map((code) => `language.${code}`),
        ...RESIDENCES.map((residence) => `residence.${residence}`),
        ...BOOKING_STATUSES.map((status) => `status.${status}`),
        ...OFFICIANT_KINDS.map((kind) => `officiantKind.${kind}`),
      ];
      expect(keys.filter((key) => !lookup(texts(lang), key))).toEqual([]);
    },
  );

  it.each(LANGS)('explain every error code of the weddings API in %s', (lang) => {
    const keys = Object.values(WEDDING_ERRORS).map((known) => inScope(known.messageKey));
    expect(keys.filter((key) => !lookup(texts(lang), key))).toEqual([]);
  });

  it.each(LANGS)('word every problem the booking form finds in %s', (lang) => {
    const empty = { name: '', birthDate: '', email: '', phone: '', residence: '' as const };
    const wrong = {
      name: 'A',
      birthDate: '2020-01-01',
      email: 'not an address',
      phone: 'call me',
      residence: 'abroad' as const,
    };
    const context = { weddingDate: '2027-06-11', today: '2027-01-04', capacity: 10 };
    const variants: BookingFormValue[] = [
      {
        parties: [{ ...empty }, { ...empty }],
        witnesses: [
          { name: '', birthDate: '' },
          { name: '', birthDate: '' },
        ],
        ceremonyLanguage: '',
        guests: 'many',
        certificateIssuedOn: '',
        notes: 'x'.repeat(2001),
      },
      {
        parties: [{ ...wrong }, { ...wrong, birthDate: '2030-01-01' }],
        witnesses: [
          { name: 'B', birthDate: '2012-01-01' },
          { name: 'C', birthDate: '2027-02-30' },
        ],
        ceremonyLanguage: 'nb',
        guests: '11',
        certificateIssuedOn: '2027-02-30',
        notes: '',
      },
      {
        parties: [wrong, wrong],
        witnesses: [
          { name: 'B', birthDate: '1990-01-01' },
          { name: 'C', birthDate: '1990-01-01' },
        ],
        ceremonyLanguage: 'nb',
        guests: '1',
        certificateIssuedOn: '2027-01-05',
        notes: '',
      },
      {
        parties: [wrong, wrong],
        witnesses: [
          { name: 'B', birthDate: '1990-01-01' },
          { name: 'C', birthDate: '1990-01-01' },
        ],
        ceremonyLanguage: 'nb',
        guests: '1',
        certificateIssuedOn: '2027-01-02',
        notes: '',
      },
    ];
    const keys = new Set(
      variants.flatMap((value) =>
        validateBooking(value, context).map((problem) => inScope(problem.messageKey ?? '')),
      ),
    );
    // Every check of validateBooking is reached by one of the variants above.
    expect(keys.size).toBe(Object.keys((texts('nb')['form'] as Tree)['problems'] as Tree).length);
    expect([...keys].filter((key) => !lookup(texts(lang), key))).toEqual([]);
  });
});
