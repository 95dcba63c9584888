import type { InstitutionKind, OutreachLocale } from '@sekretariat/contracts';

export interface SessionFacts {
  municipality: string;
  election: string;
  institution: string;
  contactName: string;
  date: string;
  from: string;
  to: string;
  officials: string[];
  kind: InstitutionKind;
}

const date = (iso: string) => iso.split('-').reverse().join('.');

/** The e-mail announcing a voting session to the institution's contact, in the institution's language. */
export function sessionAnnouncement(f: SessionFacts, locale: OutreachLocale): { subject: string; text: string } {
  const officials = f.officials.join(locale === 'en' ? ' and ' : ' og ');
  switch (locale) {
    case 'nn':
      return {
        subject: `Førehandsrøysting på ${f.institution} ${date(f.date)}`,
        text: `Hei ${f.contactName},\n\n${f.municipality} kommune kjem til ${f.institution} for å ta imot førehandsrøyster ved ${f.election}:\n\nDato: ${date(f.date)}\nTid: kl. ${f.from}–${f.to}\nRøystemottakarar: ${officials}\n\nVeljarane må ha med legitimasjon. Gje gjerne beskjed til bebuarar og pårørande. Ta kontakt med valkontoret om tida ikkje passar.\n\nHelsing\nValkontoret, ${f.municipality} kommune\n`,
      };
    case 'en':
      return {
        subject: `Advance voting at ${f.institution} on ${date(f.date)}`,
        text: `Dear ${f.contactName},\n\nThe municipality of ${f.municipality} will come to ${f.institution} to receive advance votes in the ${f.election}:\n\nDate: ${date(f.date)}\nTime: ${f.from}–${f.to}\nOfficials: ${officials}\n\nVoters need to bring identification. Please let residents and relatives know. Contact the election office if the time does not suit you.\n\nKind regards\nThe election office, ${f.municipality}\n`,
      };
    default:
      return {
        subject: `Forhåndsstemming på ${f.institution} ${date(f.date)}`,
        text: `Hei ${f.contactName},\n\n${f.municipality} kommune kommer til ${f.institution} for å ta imot forhåndsstemmer ved ${f.election}:\n\nDato: ${date(f.date)}\nTid: kl. ${f.from}–${f.to}\nStemmemottakere: ${officials}\n\nVelgerne må ha med legitimasjon. Gi gjerne beskjed til beboere og pårørende. Ta kontakt med valgkontoret hvis tidspunktet ikke passer.\n\nHilsen\nValgkontoret, ${f.municipality} kommune\n`,
      };
  }
}
