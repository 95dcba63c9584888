import { SCOPED_TRANSLATIONS } from '../../testing/i18n-testing';
import { ELECTION_TYPE_OPTIONS, VOTE_KIND_OPTIONS } from './election-options';

/** The rest (same keys in nb, nn and en, every key used exists) is core/i18n/translations.spec.ts. */
describe('the elections texts', () => {
  it.each(['nb', 'nn', 'en'] as const)('name every election type and vote kind in %s', (lang) => {
    const texts = SCOPED_TRANSLATIONS.elections[lang];
    const types: Record<string, string> = texts.type;
    const kinds: Record<string, string> = texts.kind;
    expect(ELECTION_TYPE_OPTIONS.filter((type) => !types[type])).toEqual([]);
    expect(VOTE_KIND_OPTIONS.filter((kind) => !kinds[kind])).toEqual([]);
  });
});
