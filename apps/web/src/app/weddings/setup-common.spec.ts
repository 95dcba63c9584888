import { ApiError } from '../core/api/api-error';
import { SCOPED_TRANSLATIONS } from '../../testing/i18n-testing';
import { SETUP_ERRORS, previewParams, setupProblemsFromError, slotStarts } from './setup-common';
import { authorisationEnded } from './setup-officiants';

type Tree = { readonly [key: string]: string | Tree };
function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

describe('the weddings setup', () => {
  it('previews a rule in words and lists the start times it gives, each slot ending by the end', () => {
    const rule = {
      weekday: 5,
      startTime: '10:00',
      endTime: '14:00',
      slotMinutes: 30,
      bufferMinutes: 15,
    };
    const params = previewParams(rule, (w) => `day${String(w)}`);
    expect(params).toEqual({
      weekdays: 'day5',
      start: '10:00',
      end: '14:00',
      slot: 30,
      buffer: 15,
    });
    const nb = lookup(SCOPED_TRANSLATIONS.weddings.nb, 'setup.availability.preview')!;
    const text = nb.replace(/\{\{(\w+)\}\}/g, (_, k: string) =>
      k === 'weekdays' ? 'Fredager' : String(params[k]),
    );
    expect(text).toBe('Fredager 10:00–14:00, 30 min, 15 min mellom');
    expect(slotStarts(rule)).toEqual(['10:00', '10:45', '11:30', '12:15', '13:00']);
    expect(slotStarts({ ...rule, endTime: '10:20' })).toEqual([]);
  });

  it('shows an authorised officiant as expired after the period, never the mayor', () => {
    const o = {
      id: 'x',
      name: 'A',
      kind: 'authorised' as const,
      decisionRef: 'KST 1/27',
      authorisedFrom: '2026-01-01',
      authorisedTo: '2026-12-31',
      active: true,
    };
    expect(authorisationEnded(o, '2027-01-01')).toBe(true);
    expect(authorisationEnded(o, '2026-12-31')).toBe(false);
    expect(authorisationEnded({ ...o, authorisedTo: null }, '2030-01-01')).toBe(false);
    expect(authorisationEnded({ ...o, kind: 'mayor' }, '2030-01-01')).toBe(false);
  });

  it('translates the setup codes, with the API field messages at their fields', () => {
    const error = new ApiError(400, 'VALIDATION_FAILED', 'Ugyldig', [
      { path: 'endTime', message: 'Slutt må være etter start.' },
    ]);
    expect(setupProblemsFromError(error, { endTime: 'rule-end' })).toEqual([
      { field: null, messageKey: 'weddings.setup.errors.validation' },
      { field: 'rule-end', text: 'Slutt må være etter start.' },
    ]);
    const inUse = new ApiError(409, 'WEDDING_IN_USE', 'I bruk', []);
    expect(setupProblemsFromError(inUse, {})).toEqual([
      { field: null, messageKey: 'weddings.setup.errors.inUse' },
    ]);
  });

  it.each(['nb', 'nn', 'en'] as const)(
    'has a text for every setup code and weekday in %s',
    (lang) => {
      const tree = SCOPED_TRANSLATIONS.weddings[lang] as Tree;
      const keys = [
        ...Object.values(SETUP_ERRORS),
        ...[1, 2, 3, 4, 5, 6, 7].flatMap((w) => [
          `weddings.setup.weekdays.${String(w)}`,
          `weddings.setup.weekdaysPlural.${String(w)}`,
        ]),
      ].map((k) => k.replace(/^weddings\./, ''));
      expect(keys.filter((k) => !lookup(tree, k))).toEqual([]);
    },
  );
});
