import type { EntityManager } from '@mikro-orm/postgresql';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { Body } from '../../bodies/body.entity.js';
import { type DocumentStore, sha256Hex } from '../../documents/document-store.js';
import { Document } from '../../documents/document.entity.js';
import { AgendaItem } from '../../meetings/agenda-item.entity.js';
import { Case } from '../../cases/case.entity.js';
import { Meeting } from '../../meetings/meeting.entity.js';
import { numberingYear } from '../../meetings/rules/agenda.js';
import { itemNumber, type ItemType } from '../../meetings/rules/case-numbering.js';
import { seedDemoMinutes } from '../../minutes/seed-minutes.js';

interface DemoCase {
  title: string;
  summary: string;
  background: string;
  assessment: string;
  recommendation: string;
  exempt?: string;
  attachment?: { title: string; pages: string[] };
}

const CASES: DemoCase[] = [
  {
    title: 'Reguleringsplan for Fjordvik sentrum – sluttbehandling',
    summary: 'Planen legger til rette for 240 nye boliger, en ny barnehage og en gangbru over elva. Kommunedirektøren tilrår at planen vedtas.',
    background: 'Planforslaget har vært på høring og offentlig ettersyn i seks uker. Det kom inn 41 merknader, blant annet om trafikksikkerhet ved skolen og høyden på nye bygg mot sjøen.',
    assessment: 'Merknadene om trafikksikkerhet er tatt inn ved at fortau langs Skolevegen er gjort til rekkefølgekrav. Byggehøydene er senket med én etasje i felt B2 og B3.',
    recommendation: 'Kommunestyret vedtar reguleringsplan for Fjordvik sentrum, plan-ID 2024003, med bestemmelser datert 2. oktober.',
    attachment: { title: 'Planbeskrivelse', pages: ['Planbeskrivelse for Fjordvik sentrum. Planområdet omfatter kvartalene mellom kaia og Skolevegen.', 'Barnehage med seks avdelinger plasseres i felt BBH1. Uteområdet skal ha sol minst fem timer midt på dagen ved jevndøgn.'] },
  },
  {
    title: 'Budsjettjustering 2. tertial',
    summary: 'Økte utgifter til barnevern og lavere skatteinngang gir et netto merbehov på 6,4 millioner kroner, dekket av disposisjonsfondet.',
    background: 'Tertialrapporten viser avvik innen helse og omsorg og barnevern. Skatteinngangen er 2,1 millioner lavere enn budsjettert.',
    assessment: 'Kommunedirektøren anbefaler å dekke merbehovet fra disposisjonsfondet framfor kutt i tjenester midt i året.',
    recommendation: 'Budsjettet justeres som vist i tabell 1. Merbehovet på 6,4 millioner kroner dekkes av disposisjonsfondet.',
    attachment: { title: 'Tertialrapport 2. tertial', pages: ['Tertialrapport. Samlet prognose for driftsresultatet er minus 6,4 millioner kroner.'] },
  },
  {
    title: 'Kjøp av eiendom gnr. 12 bnr. 45',
    summary: 'Forhandlinger om kjøp av tomt til ny omsorgsbolig.',
    background: 'Kommunen har vært i dialog med grunneier siden våren.',
    assessment: 'Prisen ligger innenfor takst.',
    recommendation: 'Kommunedirektøren gis fullmakt til å kjøpe eiendommen innenfor rammen i saken.',
    exempt: 'offl23-1',
  },
  {
    title: 'Høring – regional transportplan',
    summary: 'Fylkeskommunen har sendt regional transportplan på høring. Kommunen bør be om at fylkesveg 714 prioriteres.',
    background: 'Høringsfristen er satt til utgangen av måneden.',
    assessment: 'Fylkesveg 714 er skolevei for over 200 elever og har ikke gang- og sykkelvei.',
    recommendation: 'Kommunestyret avgir høringsuttalelse som vist i saken.',
  },
];

async function pdf(pages: string[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setTitle('Vedlegg');
  doc.setLanguage('nb-NO');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const text of pages) {
    const page = doc.addPage([595, 842]);
    const words = text.split(' ');
    let line = '';
    let y = 780;
    for (const w of words) {
      if (font.widthOfTextAtSize(`${line} ${w}`, 12) > 480) {
        page.drawText(line, { x: 56, y, size: 12, font });
        y -= 18;
        line = w;
      } else line = line ? `${line} ${w}` : w;
    }
    page.drawText(line, { x: 56, y, size: 12, font });
  }
  return Buffer.from(await doc.save());
}

/**
 * Demo meetings for `npm start`: a kommunestyre meeting held three weeks ago, one with the
 * notice sent in two weeks (with an exempt case treated in closed session), and a formannskap
 * meeting being planned. Dates follow today, so the demo always has something upcoming.
 */
export async function seedDemoMeetings(em: EntityManager, municipalityId: string, store: DocumentStore): Promise<void> {
  const bodies = await em.find(Body, { kind: { $in: ['kommunestyre', 'formannskap'] } });
  const ks = bodies.find((b) => b.kind === 'kommunestyre')!;
  const fsk = bodies.find((b) => b.kind === 'formannskap')!;
  const day = (offset: number, hour: number): Date => {
    const d = new Date();
    d.setUTCDate(d.getUTCDate() + offset);
    d.setUTCHours(hour - 1, 0, 0, 0); // Norwegian winter time is UTC+1; close enough for demo data
    return d;
  };

  const cases: Case[] = [];
  let ref = 1200;
  for (const c of CASES) {
    const kase = em.create(Case, {
      municipality: municipalityId,
      archiveReference: `${String(new Date().getFullYear() % 100).padStart(2, '0')}/${ref++}`,
      title: c.title,
      caseOfficer: 'Kari Saksbehandler',
      summary: c.summary,
      background: c.background,
      assessment: c.assessment,
      recommendation: c.recommendation,
      public: !c.exempt,
      legalGround: c.exempt ?? null,
    });
    cases.push(kase);
    if (c.attachment) {
      const bytes = await pdf(c.attachment.pages);
      const sha256 = sha256Hex(bytes);
      const storageKey = await store.put(bytes, sha256);
      em.create(Document, {
        municipality: municipalityId,
        case: kase,
        title: c.attachment.title,
        filename: `${c.attachment.title.toLowerCase().replace(/[^a-z0-9æøå]+/g, '-')}.pdf`,
        contentType: 'application/pdf',
        size: bytes.length,
        sha256,
        storageKey,
      });
    }
  }

  const sequences = new Map<string, number>();
  const created = new Map<Meeting, AgendaItem[]>();
  const meeting = (body: Body, startsAt: Date, status: Meeting['status'], items: { kase?: Case; type?: ItemType; title?: string; closed?: string }[]) => {
    const m = em.create(Meeting, { municipality: municipalityId, body, startsAt, endsAt: new Date(startsAt.getTime() + 4 * 3_600_000), place: 'Rådhuset, kommunestyresalen', status });
    const year = numberingYear(startsAt);
    created.set(m, []);
    items.forEach((it, i) => {
      const type = it.type ?? 'PS';
      const key = `${body.id}:${year}:${type}`;
      const sequence = (sequences.get(key) ?? 0) + 1;
      sequences.set(key, sequence);
      const item = em.create(AgendaItem, {
        municipality: municipalityId,
        meeting: m,
        body,
        case: it.kase ?? null,
        title: it.kase ? null : (it.title ?? null),
        type,
        year,
        sequence,
        number: itemNumber(type, sequence, year),
        position: i + 1,
        closed: it.closed !== undefined,
        legalGround: it.closed ?? null,
      });
      created.get(m)!.push(item);
    });
    return m;
  };

  const held = meeting(ks, day(-21, 18), 'held', [{ kase: cases[3] }, { type: 'OS', title: 'Orientering om arbeidet med kommuneplanens samfunnsdel' }]);
  meeting(ks, day(14, 18), 'notice_sent', [
    { kase: cases[0] },
    { kase: cases[1] },
    { kase: cases[2], closed: 'offl23-1' },
    { type: 'RS', title: 'Protokoll fra eldrerådet' },
  ]);
  meeting(fsk, day(35, 10), 'planned', []);
  await em.flush();
  await seedDemoMinutes(em, municipalityId, held, created.get(held)!);
  await em.flush();
}
