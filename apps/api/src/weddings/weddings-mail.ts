import ical, { ICalCalendarMethod } from 'ical-generator';
import type { WeddingLocale } from '@sekretariat/contracts';
import { osloDateTimeFormat } from '../common/locale-format.js';

/** What the mails say about a ceremony. */
export interface CeremonyFacts {
  reference: string;
  municipality: string;
  place: string;
  startsAt: Date;
  endsAt: Date;
  free: boolean;
  feeNok: number;
}

function when(at: Date, locale: WeddingLocale): string {
  return osloDateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short' }).format(at);
}

/** The confirmation to both parties, in the booking's language, with the private link. */
export function confirmationMail(f: CeremonyFacts, link: string, locale: WeddingLocale): { subject: string; text: string } {
  const at = when(f.startsAt, locale);
  const fee = {
    nb: f.free ? 'Vigselen er gratis.' : `Vigselen koster ${f.feeNok} kroner.`,
    nn: f.free ? 'Vigselen er gratis.' : `Vigselen kostar ${f.feeNok} kroner.`,
    en: f.free ? 'The ceremony is free of charge.' : `The ceremony costs NOK ${f.feeNok}.`,
  }[locale];
  return {
    nb: {
      subject: `Vigsel bestilt – ${f.reference}`,
      text: [`Vigselen deres i ${f.municipality} er bestilt: ${at}, ${f.place}.`, `Referanse: ${f.reference}. ${fee}`, '', `Se, endre eller avbestill: ${link}`, '', 'Ta med gyldig legitimasjon for dere og begge vitnene. Prøvingsattesten må være gyldig på bryllupsdagen.', 'Kalenderoppføringen er vedlagt.'].join('\n'),
    },
    nn: {
      subject: `Vigsel bestilt – ${f.reference}`,
      text: [`Vigselen dykkar i ${f.municipality} er bestilt: ${at}, ${f.place}.`, `Referanse: ${f.reference}. ${fee}`, '', `Sjå, endre eller avbestill: ${link}`, '', 'Ta med gyldig legitimasjon for dykk og begge vitna. Prøvingsattesten må vere gyldig på bryllaupsdagen.', 'Kalenderoppføringa er vedlagd.'].join('\n'),
    },
    en: {
      subject: `Wedding ceremony booked – ${f.reference}`,
      text: [`Your civil wedding ceremony in ${f.municipality} is booked: ${at}, ${f.place}.`, `Reference: ${f.reference}. ${fee}`, '', `View, change or cancel: ${link}`, '', 'Bring valid ID for both of you and both witnesses. The certificate (prøvingsattest) must be valid on the wedding day.', 'The calendar entry is attached.'].join('\n'),
    },
  }[locale];
}

/** The notice that the staff cancelled the ceremony, with their reason. */
export function cancellationMail(f: CeremonyFacts, reason: string, locale: WeddingLocale): { subject: string; text: string } {
  const at = when(f.startsAt, locale);
  return {
    nb: { subject: `Vigsel avlyst – ${f.reference}`, text: [`Vigselen ${at}, ${f.place} (${f.reference}), er dessverre avlyst av ${f.municipality}.`, `Grunn: ${reason}`, '', 'Ta kontakt med kommunen for et nytt tidspunkt, eller bestill på nytt på nettsiden.'].join('\n') },
    nn: { subject: `Vigsel avlyst – ${f.reference}`, text: [`Vigselen ${at}, ${f.place} (${f.reference}), er dessverre avlyst av ${f.municipality}.`, `Grunn: ${reason}`, '', 'Ta kontakt med kommunen for eit nytt tidspunkt, eller bestill på nytt på nettsida.'].join('\n') },
    en: { subject: `Wedding ceremony cancelled – ${f.reference}`, text: [`We are sorry: ${f.municipality} has cancelled the ceremony on ${at}, ${f.place} (${f.reference}).`, `Reason: ${reason}`, '', 'Please contact the municipality for a new time, or book again on the website.'].join('\n') },
  }[locale];
}

/** The notice that the staff moved the ceremony: the new time and place, the old time for reference, a new calendar entry attached. */
export function movedMail(f: CeremonyFacts, previousStartsAt: Date, previousPlace: string, locale: WeddingLocale): { subject: string; text: string } {
  const at = when(f.startsAt, locale);
  const before = when(previousStartsAt, locale);
  return {
    nb: {
      subject: `Vigsel flyttet – ${f.reference}`,
      text: [`${f.municipality} har flyttet vigselen deres (${f.reference}).`, `Ny tid: ${at}, ${f.place}.`, `Tidligere: ${before}, ${previousPlace}.`, '', 'Prøvingsattesten må være gyldig på den nye datoen. Den oppdaterte kalenderoppføringen er vedlagt og erstatter den gamle.', 'Passer ikke den nye tiden, ta kontakt med kommunen.'].join('\n'),
    },
    nn: {
      subject: `Vigsel flytta – ${f.reference}`,
      text: [`${f.municipality} har flytta vigselen dykkar (${f.reference}).`, `Ny tid: ${at}, ${f.place}.`, `Tidlegare: ${before}, ${previousPlace}.`, '', 'Prøvingsattesten må vere gyldig på den nye datoen. Den oppdaterte kalenderoppføringa er vedlagd og erstattar den gamle.', 'Passar ikkje den nye tida, ta kontakt med kommunen.'].join('\n'),
    },
    en: {
      subject: `Wedding ceremony moved – ${f.reference}`,
      text: [`${f.municipality} has moved your ceremony (${f.reference}).`, `New time: ${at}, ${f.place}.`, `Before: ${before}, ${previousPlace}.`, '', 'The certificate (prøvingsattest) must be valid on the new date. The updated calendar entry is attached and replaces the old one.', 'If the new time does not suit you, please contact the municipality.'].join('\n'),
    },
  }[locale];
}

/**
 * The ceremony as an iCalendar (RFC 5545) event for the couple's calendar. The UID stays the
 * booking's; `sequence` is raised on every move, so a calendar replaces the entry it has.
 */
export function ceremonyIcs(f: CeremonyFacts, uid: string, locale: WeddingLocale, sequence = 0): string {
  const cal = ical({ prodId: { company: 'Sekretariat', product: 'Vigsel', language: locale.toUpperCase() }, method: ICalCalendarMethod.PUBLISH });
  cal.createEvent({
    id: uid,
    sequence,
    start: f.startsAt,
    end: f.endsAt,
    stamp: new Date(),
    summary: { nb: 'Vigsel', nn: 'Vigsel', en: 'Wedding ceremony' }[locale] + ` – ${f.municipality}`,
    location: f.place,
    description: `${f.reference}`,
  });
  const text = cal.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
