import { formatOsloDate, formatOsloTime } from '../../pdf/document-layout.js';

const TEXTS = {
  nb: {
    subject: (what: string) => `Avlyst møte – ${what}`,
    body: (what: string, time: string) => `Møtet i ${what} kl. ${time} er avlyst.`,
    reason: 'Begrunnelse:',
    after: 'Du trenger ikke melde forfall. Sakene settes opp på et senere møte.',
  },
  nn: {
    subject: (what: string) => `Avlyst møte – ${what}`,
    body: (what: string, time: string) => `Møtet i ${what} kl. ${time} er avlyst.`,
    reason: 'Grunngjeving:',
    after: 'Du treng ikkje melde forfall. Sakene blir sette opp på eit seinare møte.',
  },
} as const;

/** The e-mail that tells members a meeting is cancelled (avlyst), in bokmål or nynorsk. Pure. */
export function cancellationMail(language: 'nb' | 'nn', m: { bodyName: string; startsAt: Date; reason: string }): { subject: string; text: string } {
  const t = TEXTS[language];
  const what = `${m.bodyName} ${formatOsloDate(m.startsAt)}`;
  return { subject: t.subject(what), text: [t.body(what, formatOsloTime(m.startsAt)), '', t.reason, m.reason, '', t.after].join('\n') };
}
