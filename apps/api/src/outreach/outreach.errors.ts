import type { OutreachLocale } from '@sekretariat/contracts';
import { DomainError } from '../common/errors/domain-error.js';

type Messages = Record<OutreachLocale, string>;

/**
 * Errors of outreach voting: a stable code, the status and the message in bokmål, nynorsk and
 * English. The public form answers in the request's language, staff routes in bokmål.
 */
export class OutreachError extends DomainError {
  constructor(code: string, readonly messages: Messages, status: number, locale: OutreachLocale = 'nb', field?: string) {
    super(code, messages[locale], status, field ? [{ path: field, message: messages[locale] }] : undefined);
  }
}

const make =
  (code: string, status: number, messages: Messages, field?: string) =>
  (locale: OutreachLocale = 'nb') =>
    new OutreachError(code, messages, status, locale, field);

const nbDate = (iso: string) => iso.split('-').reverse().join('.');

export const outreachError = {
  electionNotFound: make('OUTREACH_ELECTION_NOT_FOUND', 404, { nb: 'Fant ikke valget.', nn: 'Fann ikkje valet.', en: 'The election was not found.' }, 'electionId'),
  institutionNotFound: make('OUTREACH_INSTITUTION_NOT_FOUND', 404, { nb: 'Fant ikke institusjonen.', nn: 'Fann ikkje institusjonen.', en: 'The institution was not found.' }, 'institutionId'),
  applicationNotFound: make('OUTREACH_APPLICATION_NOT_FOUND', 404, { nb: 'Fant ikke søknaden.', nn: 'Fann ikkje søknaden.', en: 'The application was not found.' }),
  routeNotFound: make('OUTREACH_ROUTE_NOT_FOUND', 404, { nb: 'Fant ikke ruten.', nn: 'Fann ikkje ruta.', en: 'The route was not found.' }),
  stopNotFound: make('OUTREACH_STOP_NOT_FOUND', 404, { nb: 'Fant ikke besøket på ruten.', nn: 'Fann ikkje besøket på ruta.', en: 'The visit was not found on this route.' }, 'stopId'),
  deadlinePassed: (deadline: string, locale: OutreachLocale = 'nb') =>
    new OutreachError('OUTREACH_APPLICATION_DEADLINE_PASSED', {
      nb: `Fristen for å søke om å stemme hjemme var ${nbDate(deadline)} kl. 23.59. Valgstyret fastsetter fristen (tidligst tirsdag og senest fredag i uken før valgdagen). Kan du ikke komme til et stemmested, ring valgkontoret.`,
      nn: `Fristen for å søkje om å røyste heime var ${nbDate(deadline)} kl. 23.59. Valstyret fastset fristen (tidlegast tysdag og seinast fredag i veka før valdagen). Kan du ikkje kome til ein røystestad, ring valkontoret.`,
      en: `The deadline for applying to vote at home was ${nbDate(deadline)} at 23:59. The election board sets it (no earlier than the Tuesday and no later than the Friday of the week before election day). If you cannot come to a polling station, call the election office.`,
    }, 422, locale),
  deadlineOutsideLaw: (earliest: string, latest: string) =>
    new OutreachError('OUTREACH_DEADLINE_OUTSIDE_LAW', {
      nb: `Fristen må være mellom tirsdag ${nbDate(earliest)} og fredag ${nbDate(latest)} (siste uke før valgdagen).`,
      nn: `Fristen må vere mellom tysdag ${nbDate(earliest)} og fredag ${nbDate(latest)} (siste veka før valdagen).`,
      en: `The deadline must be between Tuesday ${nbDate(earliest)} and Friday ${nbDate(latest)} (the last week before election day).`,
    }, 422, 'nb', 'deadlineDate'),
  voterNotInRoll: make('OUTREACH_VOTER_NOT_IN_ROLL', 422, {
    nb: 'Fødselsnummeret står ikke i manntallet for dette valget i kommunen. Søknaden er ikke lagret. Sjekk nummeret, eller ring valgkontoret.',
    nn: 'Fødselsnummeret står ikkje i manntalet for dette valet i kommunen. Søknaden er ikkje lagra. Sjekk nummeret, eller ring valkontoret.',
    en: 'This national identity number is not in the electoral roll for this election in the municipality. Nothing was saved. Check the number, or call the election office.',
  }, 'personalNumber'),
  invalidPersonalNumber: make('OUTREACH_INVALID_PERSONAL_NUMBER', 400, {
    nb: 'Fødselsnummeret er ikke gyldig (kontrollsifrene stemmer ikke).',
    nn: 'Fødselsnummeret er ikkje gyldig (kontrollsifra stemmer ikkje).',
    en: 'The national identity number is not valid (the check digits do not match).',
  }, 'personalNumber'),
  illegalTransition: (from: string, to: string) =>
    new OutreachError('OUTREACH_ILLEGAL_TRANSITION', {
      nb: `En søknad med status «${from}» kan ikke få status «${to}».`,
      nn: `Ein søknad med status «${from}» kan ikkje få status «${to}».`,
      en: `An application with status "${from}" cannot become "${to}".`,
    }, 409, 'nb', 'status'),
  notApproved: make('OUTREACH_APPLICATION_NOT_APPROVED', 409, {
    nb: 'Bare godkjente søknader som ikke er besøkt, kan settes på en rute.',
    nn: 'Berre godkjende søknader som ikkje er besøkte, kan setjast på ei rute.',
    en: 'Only approved applications not yet visited can be put on a route.',
  }, 'applicationIds'),
  voterAlreadyOnRoute: make('OUTREACH_VOTER_ALREADY_ON_ROUTE', 409, {
    nb: 'Velgeren står allerede på en annen åpen rute.',
    nn: 'Veljaren står alt på ei anna open rute.',
    en: 'The voter is already on another open route.',
  }, 'applicationIds'),
  officialBusy: make('OUTREACH_OFFICIAL_BUSY', 409, {
    nb: 'En av stemmemottakerne er satt opp på en annen rute eller institusjon på samme tid.',
    nn: 'Ein av røystemottakarane er sett opp på ei anna rute eller institusjon på same tid.',
    en: 'One of the officials is on another route or institution session at the same time.',
  }, 'officials'),
  officialInvalid: make('OUTREACH_OFFICIAL_INVALID', 422, {
    nb: 'Stemmemottakerne må være brukere med rollen valgmedarbeider.',
    nn: 'Røystemottakarane må vere brukarar med rolla valmedarbeidar.',
    en: 'The officials must be users with the election staff role.',
  }, 'officials'),
  outsideVotingPeriod: (from: string, to: string) =>
    new OutreachError('OUTREACH_OUTSIDE_VOTING_PERIOD', {
      nb: `Besøk må være i forhåndsstemmeperioden (${nbDate(from)}–${nbDate(to)}).`,
      nn: `Besøk må vere i førehandsrøysteperioden (${nbDate(from)}–${nbDate(to)}).`,
      en: `Visits must be within the advance voting period (${nbDate(from)}–${nbDate(to)}).`,
    }, 422, 'nb', 'date'),
  pastMidnight: make('OUTREACH_ROUTE_TOO_LONG', 422, {
    nb: 'Ruten går over midnatt. Start tidligere, eller del den i to.',
    nn: 'Ruta går over midnatt. Start tidlegare, eller del ho i to.',
    en: 'The route runs past midnight. Start earlier, or split it.',
  }, 'start'),
  orderMismatch: make('OUTREACH_ORDER_MISMATCH', 400, {
    nb: 'Rekkefølgen må inneholde hvert besøk på ruten nøyaktig én gang.',
    nn: 'Rekkjefølgja må innehalde kvart besøk på ruta nøyaktig éin gong.',
    en: 'The order must list every visit on the route exactly once.',
  }, 'stopIds'),
  notRouteOfficial: make('OUTREACH_NOT_ROUTE_OFFICIAL', 403, {
    nb: 'Bare de to stemmemottakerne på ruten kan registrere besøkene.',
    nn: 'Berre dei to røystemottakarane på ruta kan registrere besøka.',
    en: 'Only the two officials of the route can mark its visits.',
  }),
  stopAlreadyMarked: make('OUTREACH_STOP_ALREADY_MARKED', 409, {
    nb: 'Besøket er allerede registrert.',
    nn: 'Besøket er alt registrert.',
    en: 'This visit has already been marked.',
  }, 'stopId'),
  markReused: make('OUTREACH_MARK_ID_REUSED', 409, {
    nb: 'Denne registreringen er allerede brukt for et annet besøk.',
    nn: 'Denne registreringa er alt brukt for eit anna besøk.',
    en: 'This mark id has already been used for another visit.',
  }, 'clientId'),
};
