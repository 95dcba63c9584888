import type { CeremonyLanguage, Residence, WeddingLocale } from '@sekretariat/contracts';
import { escapeHtml, formatIsoDate, formatPrintedAt, renderDocument, type ComposedDocument } from '../pdf/document-layout.js';

/** What the couple's confirmation says. The private link's token is never printed: the PDF may be forwarded. */
export interface ConfirmationInput {
  municipalityName: string;
  reference: string;
  status: 'booked' | 'cancelled' | 'held_ceremony';
  startsAt: Date;
  endsAt: Date;
  place: { name: string; address: string; accessibility: string };
  parties: { name: string; birthDate: string; residence: Residence }[];
  witnesses: { name: string; birthDate: string }[];
  ceremonyLanguage: CeremonyLanguage;
  guests: number;
  capacity: number;
  certificate: { issuedOn: string; validUntil: string; checked: boolean };
  fee: { free: boolean; amountNok: number };
  /** The address of the booking page without the token, "https://…/vigsel/V-2027-0042". */
  manageUrl: string;
  locale: WeddingLocale;
  generatedAt: Date;
}

const INTL: Record<WeddingLocale, string[]> = { nb: ['nb-NO'], nn: ['nn-NO', 'nb-NO'], en: ['en-GB'] };

const LANGUAGES: Record<WeddingLocale, Record<CeremonyLanguage, string>> = {
  nb: { nb: 'bokmål', nn: 'nynorsk', se: 'samisk', en: 'engelsk', de: 'tysk', fr: 'fransk', es: 'spansk', ru: 'russisk' },
  nn: { nb: 'bokmål', nn: 'nynorsk', se: 'samisk', en: 'engelsk', de: 'tysk', fr: 'fransk', es: 'spansk', ru: 'russisk' },
  en: { nb: 'Norwegian (Bokmål)', nn: 'Norwegian (Nynorsk)', se: 'Sami', en: 'English', de: 'German', fr: 'French', es: 'Spanish', ru: 'Russian' },
};

const RESIDENCES: Record<WeddingLocale, Record<Residence, string>> = {
  nb: { municipality: 'bor i kommunen', other_municipality: 'bor i en annen kommune', abroad: 'bor utenfor Norge' },
  nn: { municipality: 'bur i kommunen', other_municipality: 'bur i ein annan kommune', abroad: 'bur utanfor Noreg' },
  en: { municipality: 'lives in the municipality', other_municipality: 'lives in another municipality', abroad: 'lives outside Norway' },
};

const TEXT = {
  nb: {
    title: 'Bekreftelse på vigsel',
    cancelledTitle: 'Vigselen er avlyst',
    reference: 'Referanse',
    when: 'Tid',
    place: 'Sted',
    address: 'Adresse',
    accessibility: 'Tilgjengelighet',
    parties: 'Brudeparet',
    born: 'født',
    witnesses: 'Vitner',
    language: 'Vigselsformular',
    guests: (n: number, max: number) => `${n} (stedet har plass til ${max})`,
    guestsLabel: 'Gjester',
    certificateHeading: 'Prøvingsattest',
    certificate: (issued: string, until: string) => `Utstedt ${issued}, gyldig til og med ${until}. Den må være gyldig på bryllupsdagen.`,
    checked: 'Kommunen har kontrollert attesten.',
    notChecked: 'Kommunen har ikke kontrollert attesten ennå. Send den til kommunen eller ta den med.',
    bringHeading: 'Ta med',
    bring: ['Gyldig legitimasjon med bilde for dere begge og for begge vitnene.', 'Prøvingsattesten fra Skatteetaten, om kommunen ikke har den.', 'To vitner som er fylt 18 år.'],
    feeHeading: 'Gebyr',
    free: 'Vigselen er gratis.',
    fee: (n: number) => `Vigselen koster ${n} kroner.`,
    changeHeading: 'Endre eller avbestille',
    change: (url: string) => `Bruk den private lenken i e-posten eller på kvitteringen (${url}). Referansen alene åpner ikke bestillingen. Tidspunktet endres av kommunen: ta kontakt om dere vil flytte vigselen.`,
    printed: 'Utskrift',
  },
  nn: {
    title: 'Stadfesting av vigsel',
    cancelledTitle: 'Vigselen er avlyst',
    reference: 'Referanse',
    when: 'Tid',
    place: 'Stad',
    address: 'Adresse',
    accessibility: 'Tilgjenge',
    parties: 'Brudeparet',
    born: 'fødd',
    witnesses: 'Vitne',
    language: 'Vigselsformular',
    guests: (n: number, max: number) => `${n} (staden har plass til ${max})`,
    guestsLabel: 'Gjester',
    certificateHeading: 'Prøvingsattest',
    certificate: (issued: string, until: string) => `Skriven ut ${issued}, gyldig til og med ${until}. Han må vere gyldig på bryllaupsdagen.`,
    checked: 'Kommunen har kontrollert attesten.',
    notChecked: 'Kommunen har ikkje kontrollert attesten enno. Send han til kommunen eller ta han med.',
    bringHeading: 'Ta med',
    bring: ['Gyldig legitimasjon med bilete for dykk begge og for begge vitna.', 'Prøvingsattesten frå Skatteetaten, om kommunen ikkje har han.', 'To vitne som har fylt 18 år.'],
    feeHeading: 'Gebyr',
    free: 'Vigselen er gratis.',
    fee: (n: number) => `Vigselen kostar ${n} kroner.`,
    changeHeading: 'Endre eller avbestille',
    change: (url: string) => `Bruk den private lenka i e-posten eller på kvitteringa (${url}). Referansen åleine opnar ikkje bestillinga. Tidspunktet vert endra av kommunen: ta kontakt om de vil flytte vigselen.`,
    printed: 'Utskrift',
  },
  en: {
    title: 'Confirmation of your wedding ceremony',
    cancelledTitle: 'The ceremony is cancelled',
    reference: 'Reference',
    when: 'Time',
    place: 'Place',
    address: 'Address',
    accessibility: 'Accessibility',
    parties: 'The couple',
    born: 'born',
    witnesses: 'Witnesses',
    language: 'Wedding formula',
    guests: (n: number, max: number) => `${n} (the place has room for ${max})`,
    guestsLabel: 'Guests',
    certificateHeading: 'Certificate of no impediment (prøvingsattest)',
    certificate: (issued: string, until: string) => `Issued ${issued}, valid up to and including ${until}. It must be valid on the wedding day.`,
    checked: 'The municipality has checked the certificate.',
    notChecked: 'The municipality has not checked the certificate yet. Send it to the municipality or bring it.',
    bringHeading: 'Bring',
    bring: ['Valid photo ID for both of you and for both witnesses.', 'The certificate from the Tax Administration, unless the municipality has it.', 'Two witnesses aged 18 or over.'],
    feeHeading: 'Fee',
    free: 'The ceremony is free of charge.',
    fee: (n: number) => `The ceremony costs NOK ${n}.`,
    changeHeading: 'Change or cancel',
    change: (url: string) => `Use the private link in the e-mail or on the receipt (${url}). The reference alone does not open the booking. The time is changed by the municipality: contact them if you want to move the ceremony.`,
    printed: 'Printed',
  },
} as const;

const CSS = `
.lead { font-size: 11pt; margin: 6pt 0 0; }
ul { margin: 0 0 6pt; padding-left: 14pt; }
li { margin-bottom: 2pt; }
`;

/** The couple's confirmation in the booking's language (nb, nn, en). Pure: same input, same HTML. */
export function composeConfirmation(input: ConfirmationInput): ComposedDocument {
  const t = TEXT[input.locale];
  const intl = INTL[input.locale];
  const day = new Intl.DateTimeFormat(intl, { timeZone: 'Europe/Oslo', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(input.startsAt);
  const clock = new Intl.DateTimeFormat(intl, { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit' });
  const when = `${day}, ${clock.format(input.startsAt)}–${clock.format(input.endsAt)}`;
  const title = `${input.status === 'cancelled' ? t.cancelledTitle : t.title} – ${input.reference}`;
  const date = (iso: string) => (input.locale === 'en' ? iso : formatIsoDate(iso));
  const facts: [string, string][] = [
    [t.reference, input.reference],
    [t.when, when],
    [t.place, input.place.name],
    ...(input.place.address ? ([[t.address, input.place.address]] as [string, string][]) : []),
    ...(input.place.accessibility ? ([[t.accessibility, input.place.accessibility]] as [string, string][]) : []),
  ];
  const list = (items: string[]) => `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
  const html = renderDocument({
    lang: input.locale,
    title,
    css: CSS,
    body: `
<header class="doc-header">
  <p class="doc-kicker">${escapeHtml(input.municipalityName)}</p>
  <h1>${escapeHtml(title)}</h1>
  <dl class="doc-facts">${facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>
</header>
<h2>${t.parties}</h2>
${list(input.parties.map((p) => `${p.name}, ${t.born} ${date(p.birthDate)}, ${RESIDENCES[input.locale][p.residence]}`))}
<h2>${t.witnesses}</h2>
${list(input.witnesses.map((w) => `${w.name}, ${t.born} ${date(w.birthDate)}`))}
<dl class="doc-facts">
  <dt>${t.language}</dt><dd>${escapeHtml(LANGUAGES[input.locale][input.ceremonyLanguage])}</dd>
  <dt>${t.guestsLabel}</dt><dd>${escapeHtml(t.guests(input.guests, input.capacity))}</dd>
</dl>
<h2>${t.certificateHeading}</h2>
<p>${escapeHtml(t.certificate(date(input.certificate.issuedOn), date(input.certificate.validUntil)))}</p>
<p>${input.certificate.checked ? t.checked : t.notChecked}</p>
<h2>${t.bringHeading}</h2>
${list([...t.bring])}
<h2>${t.feeHeading}</h2>
<p>${escapeHtml(input.fee.free ? t.free : t.fee(input.fee.amountNok))}</p>
<h2>${t.changeHeading}</h2>
<p>${escapeHtml(t.change(input.manageUrl))}</p>`,
  });
  return { html, title, headerText: input.municipalityName, footerText: `${t.printed} ${formatPrintedAt(input.generatedAt)}`, lang: input.locale };
}
