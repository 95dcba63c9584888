import type { WeddingLocale } from '@sekretariat/contracts';
import { DomainError } from '../common/errors/domain-error.js';

type Messages = Record<WeddingLocale, string>;

/**
 * Errors of the weddings module: a stable code, the status, and the message in bokmål, nynorsk
 * and English. The couple's routes answer in the booking's or the request's language; staff
 * routes in bokmål, like the other modules.
 */
export class WeddingError extends DomainError {
  constructor(
    code: string,
    readonly messages: Messages,
    status: number,
    locale: WeddingLocale = 'nb',
    fields?: { path: string; message: string }[],
  ) {
    super(code, messages[locale], status, fields);
  }
}

const make =
  (code: string, status: number, messages: Messages, field?: string) =>
  (locale: WeddingLocale = 'nb') =>
    new WeddingError(code, messages, status, locale, field ? [{ path: field, message: messages[locale] }] : undefined);

export const weddingError = {
  placeNotFound: make('WEDDING_PLACE_NOT_FOUND', 404, { nb: 'Fant ikke vigselsstedet.', nn: 'Fann ikkje vigselsstaden.', en: 'The ceremony place was not found.' }, 'placeId'),
  officiantNotFound: make('WEDDING_OFFICIANT_NOT_FOUND', 404, { nb: 'Fant ikke vigsleren.', nn: 'Fann ikkje vigslaren.', en: 'The officiant was not found.' }, 'officiantId'),
  availabilityNotFound: make('WEDDING_AVAILABILITY_NOT_FOUND', 404, { nb: 'Fant ikke tilgjengeligheten.', nn: 'Fann ikkje tilgjenget.', en: 'The availability was not found.' }),
  blockedDayNotFound: make('WEDDING_BLOCKED_DAY_NOT_FOUND', 404, { nb: 'Fant ikke den sperrede dagen.', nn: 'Fann ikkje den sperra dagen.', en: 'The blocked day was not found.' }),
  bookingNotFound: make('WEDDING_BOOKING_NOT_FOUND', 404, {
    nb: 'Fant ikke bestillingen. Sjekk referansen og lenken.',
    nn: 'Fann ikkje bestillinga. Sjekk referansen og lenka.',
    en: 'The booking was not found. Check the reference and the link.',
  }),
  inUse: make('WEDDING_IN_USE', 409, {
    nb: 'Dette er i bruk av vigsler eller tilgjengelighet og kan ikke slettes. Merk det som inaktivt i stedet.',
    nn: 'Dette er i bruk av vigslar eller tilgjenge og kan ikkje slettast. Merk det som inaktivt i staden.',
    en: 'This is in use by ceremonies or availability and cannot be deleted. Mark it inactive instead.',
  }),
  slotTaken: make('WEDDING_SLOT_TAKEN', 409, {
    nb: 'Tidspunktet er dessverre tatt. Velg et annet ledig tidspunkt.',
    nn: 'Tidspunktet er dessverre teke. Vel eit anna ledig tidspunkt.',
    en: 'Sorry, this time has just been taken. Please choose another free time.',
  }, 'startsAt'),
  officiantTaken: make('WEDDING_OFFICIANT_TAKEN', 409, {
    nb: 'Vigsleren har en annen vigsel på dette tidspunktet.',
    nn: 'Vigslaren har ei anna vigsel på dette tidspunktet.',
    en: 'The officiant has another ceremony at this time.',
  }, 'officiantId'),
  slotNotOffered: make('WEDDING_SLOT_NOT_OFFERED', 422, {
    nb: 'Tidspunktet er ikke et av de ledige tidspunktene for vigsel på dette stedet.',
    nn: 'Tidspunktet er ikkje eitt av dei ledige tidspunkta for vigsel på denne staden.',
    en: 'This time is not one of the free ceremony times at this place.',
  }, 'startsAt'),
  slotInPast: make('WEDDING_SLOT_IN_PAST', 422, {
    nb: 'Tidspunktet har allerede vært. Velg et tidspunkt fram i tid.',
    nn: 'Tidspunktet har alt vore. Vel eit tidspunkt fram i tid.',
    en: 'This time has already passed. Please choose a time in the future.',
  }, 'startsAt'),
  holdInvalid: make('WEDDING_HOLD_INVALID', 409, {
    nb: 'Reservasjonen av tidspunktet er utløpt eller ugyldig. Velg tidspunktet på nytt.',
    nn: 'Reservasjonen av tidspunktet er gått ut eller ugyldig. Vel tidspunktet på nytt.',
    en: 'The hold on this time has expired or is not valid. Please choose the time again.',
  }, 'holdId'),
  overCapacity: (capacity: number, locale: WeddingLocale = 'nb') =>
    new WeddingError('WEDDING_OVER_CAPACITY', {
      nb: `Stedet har plass til høyst ${capacity} gjester.`,
      nn: `Staden har plass til høgst ${capacity} gjester.`,
      en: `The place has room for at most ${capacity} guests.`,
    }, 422, locale, [{ path: 'guests', message: { nb: `Høyst ${capacity}.`, nn: `Høgst ${capacity}.`, en: `At most ${capacity}.` }[locale] }]),
  witnessUnderage: (indexes: number[], locale: WeddingLocale = 'nb') => {
    const messages = {
      nb: 'Vitnene må være fylt 18 år på bryllupsdagen.',
      nn: 'Vitna må ha fylt 18 år på bryllaupsdagen.',
      en: 'The witnesses must be 18 or older on the wedding day.',
    };
    return new WeddingError('WEDDING_WITNESS_UNDERAGE', messages, 422, locale, indexes.map((i) => ({ path: `witnesses.${i}.birthDate`, message: messages[locale] })));
  },
  partyUnderage: (indexes: number[], locale: WeddingLocale = 'nb') => {
    const messages = {
      nb: 'Begge må være fylt 18 år på bryllupsdagen (ekteskapsloven § 1 a).',
      nn: 'Begge må ha fylt 18 år på bryllaupsdagen (ekteskapslova § 1 a).',
      en: 'Both must be 18 or older on the wedding day (Marriage Act § 1 a).',
    };
    return new WeddingError('WEDDING_PARTY_UNDERAGE', messages, 422, locale, indexes.map((i) => ({ path: `parties.${i}.birthDate`, message: messages[locale] })));
  },
  certificateExpired: (latest: string, locale: WeddingLocale = 'nb') =>
    new WeddingError('WEDDING_CERTIFICATE_EXPIRED', {
      nb: `Prøvingsattesten gjelder i fire måneder og er ikke gyldig på bryllupsdagen. Siste mulige dag for vigsel med denne attesten er ${latest}.`,
      nn: `Prøvingsattesten gjeld i fire månader og er ikkje gyldig på bryllaupsdagen. Siste moglege dag for vigsel med denne attesten er ${latest}.`,
      en: `The certificate of no impediment (prøvingsattest) is valid for four months and will not be valid on the wedding day. The latest possible wedding date with it is ${latest}.`,
    }, 422, locale, [{ path: 'certificateIssuedOn', message: latest }]),
  certificateNotIssued: make('WEDDING_CERTIFICATE_NOT_ISSUED', 422, {
    nb: 'Utstedelsesdatoen for prøvingsattesten kan ikke være fram i tid.',
    nn: 'Utferdingsdatoen for prøvingsattesten kan ikkje vere fram i tid.',
    en: 'The issue date of the certificate cannot be in the future.',
  }, 'certificateIssuedOn'),
  officiantNotAuthorised: make('WEDDING_OFFICIANT_NOT_AUTHORISED', 422, {
    nb: 'Vigsleren har ikke vigselsmyndighet på denne datoen (kommunestyrets vedtak gjelder ikke da).',
    nn: 'Vigslaren har ikkje vigselsrett på denne datoen (vedtaket i kommunestyret gjeld ikkje då).',
    en: 'The officiant is not authorised on this date (the council decision does not cover it).',
  }, 'officiantId'),
  notBooked: make('WEDDING_NOT_BOOKED', 409, {
    nb: 'Vigselen er ikke lenger bestilt (avlyst eller gjennomført).',
    nn: 'Vigselen er ikkje lenger bestilt (avlyst eller gjennomført).',
    en: 'The ceremony is no longer booked (cancelled or held).',
  }),
  notYetHeld: make('WEDDING_NOT_YET', 409, {
    nb: 'Vigselen kan merkes som gjennomført fra starttidspunktet.',
    nn: 'Vigselen kan merkast som gjennomført frå starttidspunktet.',
    en: 'The ceremony can be marked as held from its start time.',
  }),
  notHeld: make('WEDDING_NOT_HELD', 409, {
    nb: 'Meldingen om vigsel sendes etter at vigselen er gjennomført.',
    nn: 'Meldinga om vigsel blir send etter at vigselen er gjennomført.',
    en: 'The notice of marriage is sent after the ceremony is held.',
  }),
};
