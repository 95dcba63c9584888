import type { EntityManager } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import { hashSecretToken } from '../common/secret-token.js';
import { FAMILY, GIVEN_FEMALE, GIVEN_MALE, prng } from '../core/seed-names.js';
import { addDays } from './rules/oslo-time.js';
import { osloDay } from '../core/dates.js';
import { weddingFee } from './rules/fee.js';
import { generateSlots } from './rules/slots.js';
import { WeddingAvailability } from './wedding-availability.entity.js';
import { WeddingBooking, type StoredParty } from './wedding-booking.entity.js';
import { WeddingOfficiant } from './wedding-officiant.entity.js';
import { WeddingPlace } from './wedding-place.entity.js';
import { WeddingSequence } from './wedding-sequence.entity.js';
import { WeddingSettings } from './wedding-settings.entity.js';

const FEE_NOK = 1200;

const INFO = {
  nb: 'Kommunen tilbyr borgerlig vigsel i rådhuset og i Rådhusparken. Vigselen er gratis når minst én av dere bor i kommunen, eller ingen av dere bor i Norge. Prøvingsattesten fra Skatteetaten må være gyldig på bryllupsdagen (fire måneder fra utstedelse). Ta med to vitner som er fylt 18 år.',
  nn: 'Kommunen tilbyr borgarleg vigsel i rådhuset og i Rådhusparken. Vigselen er gratis når minst ein av dykk bur i kommunen, eller ingen av dykk bur i Noreg. Prøvingsattesten frå Skatteetaten må vere gyldig på bryllaupsdagen (fire månader frå utferding). Ta med to vitne som har fylt 18 år.',
  en: 'The municipality offers civil weddings in the town hall and in the Town Hall Park. The ceremony is free when at least one of you lives in the municipality, or neither of you lives in Norway. The certificate of no impediment (prøvingsattest) from the Tax Administration must be valid on the wedding day (four months from issue). Bring two witnesses aged 18 or over.',
};

/**
 * The demo's weddings: two places, the mayor, the deputy and one officiant authorised by the
 * council, Friday and Saturday availability, and three ceremonies in the coming weeks (one free,
 * one paid, one for a couple living abroad) with generated names: no real person is meant. The
 * mayor is linked to the demo officiant's user, when given.
 */
export async function seedDemoWeddings(em: EntityManager, municipality: string, today = osloDay(new Date()), officiantUserId: string | null = null): Promise<void> {
  const rand = prng(1818);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const name = (female: boolean) => `${pick(female ? GIVEN_FEMALE : GIVEN_MALE)} ${pick(FAMILY)}`;
  const year = Number(today.slice(0, 4));

  em.create(WeddingSettings, { municipality, feeNok: FEE_NOK, infoNb: INFO.nb, infoNn: INFO.nn, infoEn: INFO.en });
  const room = em.create(WeddingPlace, { municipality, name: 'Bryllupsrommet i rådhuset', capacity: 20, address: 'Rådhusplassen 1, 9990 Fjordvik', accessibility: 'Trinnfri adgang med heis fra hovedinngangen. Teleslynge i rommet.' });
  const park = em.create(WeddingPlace, { municipality, name: 'Rådhusparken', capacity: 60, address: 'Parkveien 2, 9990 Fjordvik', accessibility: 'Utendørs, grusganger. Ved dårlig vær flyttes vigselen til bryllupsrommet.' });
  // The demo officiant's user (`vigsler`) is the mayor, who has the first ceremony.
  const mayor = em.create(WeddingOfficiant, { municipality, name: name(true), kind: 'mayor', user: officiantUserId });
  em.create(WeddingOfficiant, { municipality, name: name(false), kind: 'deputy_mayor' });
  const authorised = em.create(WeddingOfficiant, {
    municipality,
    name: name(true),
    kind: 'authorised',
    decisionRef: `KST ${String(year - 1).slice(2)}/37`,
    authorisedFrom: `${year - 1}-11-01`,
    authorisedTo: `${year + 2}-10-31`,
  });
  const validFrom = `${year - 1}-01-01`;
  const rules: { place: WeddingPlace; officiant: WeddingOfficiant | null; weekday: number; startTime: string; endTime: string }[] = [
    { place: room, officiant: null, weekday: 5, startTime: '10:00', endTime: '14:00' },
    { place: room, officiant: null, weekday: 6, startTime: '11:00', endTime: '13:00' },
    { place: park, officiant: authorised, weekday: 6, startTime: '11:00', endTime: '13:00' },
  ];
  for (const r of rules) em.create(WeddingAvailability, { municipality, slotMinutes: 30, bufferMinutes: 15, validFrom, ...r });

  const slots = generateSlots(
    rules.map((r) => ({ placeId: r.place.id, officiantId: r.officiant?.id ?? null, weekday: r.weekday, startTime: r.startTime, endTime: r.endTime, slotMinutes: 30, bufferMinutes: 15, validFrom, validTo: null })),
    { from: addDays(today, 7), to: addDays(today, 42), officiants: new Map([[authorised.id, authorised]]) },
  );
  const party = (female: boolean, residence: StoredParty['residence']): StoredParty => {
    const n = name(female);
    const email = n.toLowerCase().normalize('NFKD').replace(/[^a-z ]/g, '').replace(' ', '.') + '@epost.example';
    return { name: n, birthDate: `${1975 + Math.floor(rand() * 25)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`, email, phone: `+47 9${String(Math.floor(rand() * 1e7)).padStart(7, '0')}`, residence };
  };
  const couples: { residences: [StoredParty['residence'], StoredParty['residence']]; language: 'nb' | 'nn' | 'en'; guests: number; officiant: WeddingOfficiant | null }[] = [
    { residences: ['municipality', 'other_municipality'], language: 'nb', guests: 12, officiant: mayor },
    { residences: ['other_municipality', 'other_municipality'], language: 'nn', guests: 8, officiant: null },
    { residences: ['abroad', 'abroad'], language: 'en', guests: 4, officiant: null },
  ];
  const chosen = [slots[0], slots[Math.floor(slots.length / 2)], slots.at(-1)].filter((s) => s !== undefined);
  chosen.forEach((slot, i) => {
    const c = couples[i]!;
    const fee = weddingFee(c.residences, FEE_NOK);
    em.create(WeddingBooking, {
      municipality,
      place: slot.placeId,
      officiant: c.officiant ?? (slot.officiantId ? authorised : null),
      status: 'booked',
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      during: `[${slot.startsAt.toISOString()},${slot.busyUntil.toISOString()})`,
      reference: `V-${year}-${String(i + 1).padStart(4, '0')}`,
      manageTokenHash: hashSecretToken(randomBytes(32).toString('base64url')),
      parties: [party(true, c.residences[0]), party(i !== 1, c.residences[1])],
      witnesses: [0, 1].map(() => ({ name: name(rand() < 0.5), birthDate: `19${60 + Math.floor(rand() * 40)}-05-2${Math.floor(rand() * 9)}` })),
      ceremonyLanguage: c.language,
      guests: c.guests,
      certificateIssuedOn: addDays(today, -10),
      certificateChecked: i === 0,
      locale: c.language,
      feeFree: fee.free,
      feeNok: fee.amountNok,
      bookedAt: new Date(),
    });
  });
  em.create(WeddingSequence, { municipality, year, last: chosen.length });
  await em.flush();
}
