import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { parse } from 'csv-parse/sync';
import type { Gender, ImportProblem, ImportReport, MemberRole } from '@sekretariat/contracts';
import { AuditService } from '../audit/audit.service.js';
import { DomainError } from '../common/errors/domain-error.js';
import { hasBadText } from '../common/text.js';
import { Body } from './body.entity.js';
import { Membership } from './membership.entity.js';
import { Party } from './party.entity.js';
import { Person } from './person.entity.js';
import { covers, overlaps, rankProblems } from './rules/composition.js';

/** The columns of the import file, as documented in docs/import-format.md. */
export const IMPORT_COLUMNS = ['organ', 'medlemstype', 'varanr', 'fornavn', 'etternavn', 'kjonn', 'parti', 'rolle', 'fra', 'til', 'epost', 'telefon'] as const;
const REQUIRED = ['organ', 'medlemstype', 'fornavn', 'etternavn', 'kjonn', 'parti', 'fra'];
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

type Column = (typeof IMPORT_COLUMNS)[number];

interface ParsedRow {
  line: number;
  body: Body;
  kind: 'member' | 'substitute';
  rank: number | null;
  givenName: string;
  familyName: string;
  gender: Gender;
  party: Party;
  role: MemberRole;
  from: string;
  to: string | null;
  email: string | null;
  phone: string | null;
}

function normaliseHeader(h: string): string {
  return h.trim().toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/å/g, 'a').replace(/\s+/g, '');
}

/** UTF-8 when the bytes are valid UTF-8, else Windows-1252 (as spreadsheets on Windows save CSV). */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

function parseDate(value: string): string | null {
  const v = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  const nor = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(v);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : nor ? [nor[3], nor[2]!.padStart(2, '0'), nor[1]!.padStart(2, '0')] : [];
  if (!y || !m || !d) return null;
  const date = `${y}-${m}-${d}`;
  const check = new Date(`${date}T12:00:00Z`);
  return !Number.isNaN(check.getTime()) && check.toISOString().slice(0, 10) === date ? date : null;
}

const GENDER: Record<string, Gender> = { k: 'female', kvinne: 'female', m: 'male', mann: 'male', a: 'other', annet: 'other' };
const ROLE: Record<string, MemberRole> = { '': 'member', medlem: 'member', leder: 'leader', nestleder: 'deputy_leader' };
const KIND: Record<string, 'member' | 'substitute'> = { medlem: 'member', vara: 'substitute', varamedlem: 'substitute' };

/**
 * Imports members and substitutes from the election result. Every problem is reported by line
 * and field before anything is written; a real run writes everything in the request's one
 * transaction, or nothing.
 */
@Injectable()
export class ImportService {
  constructor(
    @Inject(EntityManager) private readonly em: EntityManager,
    private readonly audit: AuditService,
  ) {}

  async run(bytes: Buffer, options: { dryRun: boolean; municipalityId: string }): Promise<ImportReport> {
    if (bytes.length === 0) throw new DomainError('IMPORT_EMPTY', 'Filen er tom.', 400);
    if (bytes.length > IMPORT_MAX_BYTES) throw new DomainError('PAYLOAD_TOO_LARGE', 'Filen er for stor (høyst 5 MB).', 413);
    const { text, encoding } = decodeCsv(bytes);
    const problems: ImportProblem[] = [];
    const report = (rows: number, summary: ImportReport['summary']): ImportReport => ({
      dryRun: options.dryRun,
      ok: problems.length === 0,
      encoding,
      rows,
      problems,
      summary,
    });

    const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
    const delimiter = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
    let records: { record: string[]; info: { lines: number } }[];
    try {
      records = parse(text, { delimiter, info: true, skip_empty_lines: true, relax_column_count: true, trim: true, bom: true }) as unknown as typeof records;
    } catch (e) {
      const line = (e as { lines?: number }).lines ?? 1;
      problems.push({ line, field: null, message: `Filen kan ikke leses som CSV: ${(e as Error).message}` });
      return this.fail(options, report(0, { people: 0, memberships: 0, bodies: [] }));
    }
    const header = records.shift();
    if (!header) throw new DomainError('IMPORT_EMPTY', 'Filen er tom.', 400);
    const columns = header.record.map(normaliseHeader);
    const unknown = columns.filter((c) => !(IMPORT_COLUMNS as readonly string[]).includes(c));
    const missing = REQUIRED.filter((c) => !columns.includes(c));
    if (unknown.length || missing.length) {
      const parts = [];
      if (missing.length) parts.push(`mangler ${missing.join(', ')}`);
      if (unknown.length) parts.push(`ukjente kolonner: ${unknown.join(', ')}`);
      problems.push({ line: 1, field: null, message: `Feil overskriftslinje (${parts.join('; ')}). Forventet: ${IMPORT_COLUMNS.join(';')}` });
      return this.fail(options, report(records.length, { people: 0, memberships: 0, bodies: [] }));
    }

    const bodies = await this.em.find(Body, {});
    const parties = await this.em.find(Party, {});
    const rows: ParsedRow[] = [];
    for (const { record, info } of records) {
      const line = info.lines;
      if (record.length !== columns.length) {
        problems.push({ line, field: null, message: `Linjen har ${record.length} felt, men overskriften har ${columns.length}.` });
        continue;
      }
      const get = (c: Column) => (record[columns.indexOf(c)] ?? '').trim();
      const bad = (field: Column, message: string) => problems.push({ line, field, message });
      const before = problems.length;
      for (const c of REQUIRED as Column[]) if (!get(c)) bad(c, 'Mangler verdi.');
      if (/\uFFFD/.test(record.join(''))) bad('fornavn', 'Tegn som ikke kan leses: lagre filen som UTF-8 eller Windows-1252.');
      const control = columns.findIndex((_, i) => hasBadText(record[i] ?? ''));
      if (control >= 0) problems.push({ line, field: columns[control]!, message: 'Inneholder tegn som ikke er tillatt (kontrolltegn som NUL).' });
      const body = bodies.find((b) => b.name.toLowerCase() === get('organ').toLowerCase());
      if (get('organ') && !body) bad('organ', `Ukjent organ «${get('organ')}». Opprett organet først.`);
      const kind = KIND[get('medlemstype').toLowerCase()];
      if (get('medlemstype') && !kind) bad('medlemstype', 'Bruk «medlem» eller «vara».');
      const rankText = get('varanr');
      const rank = rankText ? Number(rankText) : null;
      if (kind === 'substitute' && (rank === null || !Number.isInteger(rank) || rank < 1)) bad('varanr', 'Varamedlemmer må ha et nummer (1, 2, 3 …).');
      if (kind === 'member' && rankText) bad('varanr', 'Medlemmer har ikke varanummer.');
      const gender = GENDER[get('kjonn').toLowerCase()];
      if (get('kjonn') && !gender) bad('kjonn', 'Bruk K, M eller A.');
      const partyText = get('parti').toLowerCase();
      const party = parties.find((p) => p.shortName.toLowerCase() === partyText || p.name.toLowerCase() === partyText);
      if (partyText && !party) bad('parti', `Ukjent parti «${get('parti')}».`);
      const role = ROLE[get('rolle').toLowerCase()];
      if (!role) bad('rolle', 'Bruk leder, nestleder eller medlem.');
      const from = parseDate(get('fra'));
      if (get('fra') && !from) bad('fra', 'Ugyldig dato: bruk DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD.');
      const to = get('til') ? parseDate(get('til')) : null;
      if (get('til') && !to) bad('til', 'Ugyldig dato: bruk DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD.');
      if (from && to && to < from) bad('til', 'Slutt kan ikke være før start.');
      if (body && from && (from < body.termFrom || (to ?? body.termTo) > body.termTo)) bad('fra', `Utenfor valgperioden ${body.termFrom}–${body.termTo}.`);
      const email = get('epost') || null;
      if (email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) bad('epost', 'Ugyldig e-postadresse.');
      if (get('fornavn').length > 100) bad('fornavn', 'For langt.');
      if (get('etternavn').length > 100) bad('etternavn', 'For langt.');
      if (problems.length > before || !body || !kind || !gender || !party || !role || !from) continue;
      rows.push({ line, body, kind, rank: kind === 'substitute' ? rank : null, givenName: get('fornavn'), familyName: get('etternavn'), gender, party, role, from, to, email, phone: get('telefon') || null });
    }

    // Rules across rows, and against what the register already holds.
    const affected = [...new Set(rows.map((r) => r.body))];
    const existing = affected.length
      ? await this.em.find(Membership, { body: { $in: affected } }, { populate: ['person', 'party'] })
      : [];
    const key = (r: { givenName: string; familyName: string }) => `${r.givenName} ${r.familyName}`.toLowerCase();
    for (const body of affected) {
      const mine = rows.filter((r) => r.body === body);
      for (const [i, r] of mine.entries()) {
        const twin = mine.slice(0, i).find((o) => key(o) === key(r) && o.party === r.party && overlaps(o, r));
        if (twin) problems.push({ line: r.line, field: 'fornavn', message: `${r.givenName} ${r.familyName} står også på linje ${twin.line} for ${body.name} i samme periode.` });
        const clash = existing.find((m) => m.person.getEntity().fullName().toLowerCase() === key(r) && overlaps(m, r));
        if (clash) problems.push({ line: r.line, field: 'fornavn', message: `${r.givenName} ${r.familyName} har allerede en plass i ${body.name} fra ${clash.from}.` });
      }
      const start = mine.map((r) => r.from).sort()[0]!;
      const members = existing.filter((m) => m.kind === 'member' && covers(m, start)).length + mine.filter((r) => r.kind === 'member').length;
      if (members > body.seats) {
        problems.push({ line: mine.find((r) => r.kind === 'member')?.line ?? mine[0]!.line, field: 'organ', message: `${body.name} har ${body.seats} seter, men filen gir ${members} medlemmer.` });
      }
      const subs = [
        ...existing.filter((m) => m.kind === 'substitute' && covers(m, start)).map((m) => ({ list: body.substituteOrder === 'common' ? body.name : (m.party?.getEntity().shortName ?? ''), rank: m.rank ?? 0, line: 0 })),
        ...mine.filter((r) => r.kind === 'substitute').map((r) => ({ list: body.substituteOrder === 'common' ? body.name : r.party.shortName, rank: r.rank ?? 0, line: r.line })),
      ];
      for (const message of rankProblems(subs)) {
        const list = /Varalista for (.+?) (mangler|har)/.exec(message)?.[1];
        const line = subs.filter((s) => s.list === list && s.line).map((s) => s.line).sort((a, b) => b - a)[0] ?? 1;
        problems.push({ line, field: 'varanr', message: `${body.name}: ${message}` });
      }
    }
    problems.sort((a, b) => a.line - b.line);

    // People: the same e-mail, or the same name and party, is the same person.
    const people = await this.em.find(Person, {}, { populate: ['party'] });
    const newPeople = new Map<string, ParsedRow>();
    const personFor = (r: ParsedRow) =>
      people.find((p) => (r.email && p.email?.toLowerCase() === r.email.toLowerCase()) || (key(p) === key(r) && p.party?.id === r.party.id));
    for (const r of rows) if (!personFor(r)) newPeople.set(r.email?.toLowerCase() ?? `${key(r)}|${r.party.id}`, r);
    const summary = { people: newPeople.size, memberships: rows.length, bodies: affected.map((b) => b.name) };
    if (problems.length || options.dryRun) return this.fail(options, report(records.length, summary));

    for (const body of affected) await this.em.findOne(Body, body.id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const created = new Map<string, Person>();
    for (const r of rows) {
      const k = r.email?.toLowerCase() ?? `${key(r)}|${r.party.id}`;
      let person = personFor(r) ?? created.get(k);
      if (!person) {
        person = this.em.create(Person, {
          municipality: options.municipalityId,
          givenName: r.givenName,
          familyName: r.familyName,
          gender: r.gender,
          party: r.party,
          email: r.email,
          phone: r.phone,
        });
        created.set(k, person);
      }
      this.em.create(Membership, {
        municipality: options.municipalityId,
        body: r.body,
        person,
        party: r.party,
        kind: r.kind,
        role: r.role,
        rank: r.rank,
        from: r.from,
        to: r.to,
      });
    }
    this.audit.record({ action: 'bodies.import', entityType: 'import', entityId: new Date().toISOString(), after: { encoding, ...summary } });
    await this.em.flush();
    return report(records.length, summary);
  }

  private fail(options: { dryRun: boolean }, report: ImportReport): ImportReport {
    if (options.dryRun || report.ok) return report;
    throw new DomainError(
      'IMPORT_INVALID',
      `Filen har ${report.problems.length} feil. Ingenting er lagret.`,
      400,
      report.problems.map((p) => ({ path: `linje ${p.line}${p.field ? `, ${p.field}` : ''}`, message: p.message })),
    );
  }
}
