import {
  ENVELOPE_NOTES as CONTRACT_NOTES,
  ENVELOPE_REASONS,
  REJECTION_GROUNDS,
  REJECTION_GROUND_TEXT,
  VOTE_STATUSES,
} from '@sekretariat/contracts';
import { SCOPED_TRANSLATIONS } from '../../testing/i18n-testing';
import {
  ELECTION_TYPE_OPTIONS,
  ENVELOPE_NOTES,
  ENVELOPE_REASON_OPTIONS,
  REJECTION_GROUND_OPTIONS,
  VOTE_KIND_OPTIONS,
  VOTE_STATUS_OPTIONS,
} from './election-options';

/** The rest (same keys in nb, nn and en, every key used exists) is core/i18n/translations.spec.ts. */
describe('the elections texts', () => {
  it.each(['nb', 'nn', 'en'] as const)('name every election type and vote kind in %s', (lang) => {
    const texts = SCOPED_TRANSLATIONS.elections[lang];
    const types: Record<string, string> = texts.type;
    const kinds: Record<string, string> = texts.kind;
    expect(ELECTION_TYPE_OPTIONS.filter((type) => !types[type])).toEqual([]);
    expect(VOTE_KIND_OPTIONS.filter((kind) => !kinds[kind])).toEqual([]);
  });

  it.each(['nb', 'nn', 'en'] as const)(
    'name every vote status, envelope reason and rejection ground in %s',
    (lang) => {
      const texts = SCOPED_TRANSLATIONS.elections[lang];
      const statuses: Record<string, string> = texts.status;
      const done: Record<string, string> = texts.counter.register.done;
      const reasons: Record<string, string> = texts.reason;
      const grounds: Record<string, string> = texts.ground;
      expect(VOTE_STATUS_OPTIONS.filter((status) => !statuses[status] || !done[status])).toEqual(
        [],
      );
      expect(ENVELOPE_REASON_OPTIONS.filter((reason) => !reasons[reason])).toEqual([]);
      expect(REJECTION_GROUND_OPTIONS.filter((ground) => !grounds[ground])).toEqual([]);
    },
  );

  it('lists the contracts’ values, in their order', () => {
    expect([...VOTE_STATUS_OPTIONS]).toEqual([...VOTE_STATUSES]);
    expect([...ENVELOPE_REASON_OPTIONS].sort()).toEqual([...ENVELOPE_REASONS].sort());
    expect([...REJECTION_GROUND_OPTIONS]).toEqual([...REJECTION_GROUNDS]);
  });

  it('writes on the envelope what the API says, and names the grounds in bokmål as the law does', () => {
    expect(ENVELOPE_NOTES).toEqual(CONTRACT_NOTES);
    expect(SCOPED_TRANSLATIONS.elections.nb.ground).toEqual(REJECTION_GROUND_TEXT);
  });
});
