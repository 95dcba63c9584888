import type { Meeting as MeetingDto, ReaderDocument, ReaderItem, ReaderItemSummary } from '@sekretariat/contracts';
import { EXEMPT_TITLE } from '../meetings/meetings.mapper.js';
import { legalGround } from '../cases/legal-grounds.js';
import type { MeetingRow } from './reader-access.service.js';
import { itemExempt } from './rules/reader-access.js';

export const citation = (code: string | null): string | null => (code ? (legalGround(code)?.citation ?? null) : null);

export interface ItemRow {
  id: string;
  type: ReaderItem['type'];
  number: string;
  position: number;
  title: string | null;
  closed: boolean;
  legal_ground: string | null;
  video_start_seconds: number | null;
  recommendation: string;
  decision: string;
  asker_id: string | null;
  asker_name: string | null;
  case_id: string | null;
  archive_reference: string | null;
  case_title: string | null;
  case_officer: string | null;
  summary: string | null;
  background: string | null;
  assessment: string | null;
  case_recommendation: string | null;
  case_public: boolean | null;
  case_legal_ground: string | null;
}

export interface DocumentRow {
  id: string;
  case_id: string;
  title: string;
  filename: string;
  content_type: string;
  size: number;
  public: boolean;
  legal_ground: string | null;
  position: number;
}

/** What the caller has marked and noted, by target id. */
export interface Marks {
  read: ReadonlySet<string>;
  annotations: ReadonlyMap<string, number>;
}

export function toMeetingFromRow(m: MeetingRow): MeetingDto {
  return {
    id: m.id,
    bodyId: m.body_id,
    bodyName: m.body_name,
    startsAt: new Date(m.starts_at).toISOString(),
    endsAt: m.ends_at ? new Date(m.ends_at).toISOString() : null,
    place: m.place,
    remote: m.remote,
    status: m.status,
    videoUrl: m.video_url,
  };
}

function toReaderDocument(d: DocumentRow, withheld: boolean, fallbackGround: string | null, marks: Marks): ReaderDocument {
  const ground = d.legal_ground ?? (withheld ? fallbackGround : null);
  if (withheld) {
    return { id: d.id, caseId: d.case_id, title: EXEMPT_TITLE, filename: '', contentType: '', size: 0, public: d.public, legalGround: ground, citation: citation(ground), position: d.position, withheld: true, annotationCount: 0 };
  }
  return {
    id: d.id,
    caseId: d.case_id,
    title: d.title,
    filename: d.filename,
    contentType: d.content_type,
    size: Number(d.size),
    public: d.public,
    legalGround: ground,
    citation: citation(ground),
    position: d.position,
    withheld: false,
    annotationCount: marks.annotations.get(d.id) ?? 0,
  };
}

/**
 * An agenda item for reading. Without access to exempt papers a closed item or exempt case keeps
 * only its number, "Unntatt offentlighet" and the legal ground; its documents become placeholders,
 * as does an exempt document on an open item.
 */
export function toReaderItem(i: ItemRow, documents: readonly DocumentRow[], exemptAccess: boolean, marks: Marks): ReaderItem {
  const withheld = itemExempt({ closed: i.closed, casePublic: i.case_public }) && !exemptAccess;
  const ground = i.legal_ground ?? (i.case_public === false ? i.case_legal_ground : null);
  const kase =
    withheld || !i.case_id
      ? null
      : {
          id: i.case_id,
          archiveReference: i.archive_reference ?? '',
          title: i.case_title ?? '',
          caseOfficer: i.case_officer ?? '',
          summary: i.summary ?? '',
          background: i.background ?? '',
          assessment: i.assessment ?? '',
          recommendation: i.case_recommendation ?? '',
          public: i.case_public ?? true,
          legalGround: i.case_legal_ground,
          citation: citation(i.case_legal_ground),
        };
  return {
    id: i.id,
    type: i.type,
    number: i.number,
    position: i.position,
    title: withheld ? EXEMPT_TITLE : (i.case_title ?? i.title ?? ''),
    closed: i.closed,
    legalGround: ground,
    citation: citation(ground),
    videoStartSeconds: i.video_start_seconds,
    case: kase,
    recommendation: withheld ? '' : i.recommendation,
    decision: withheld ? '' : i.decision,
    askerPersonId: i.asker_id,
    askerName: i.asker_name,
    withheld,
    read: marks.read.has(i.id),
    annotationCount: withheld ? 0 : (marks.annotations.get(i.id) ?? 0),
    documents: documents.map((d) => toReaderDocument(d, withheld || (!d.public && !exemptAccess), ground, marks)),
  };
}

/**
 * An agenda item for the meeting's item list: what `toReaderItem` gives, without the case
 * presentation and the document details; the same withholding.
 */
export function toReaderItemSummary(i: ItemRow, documents: readonly DocumentRow[], exemptAccess: boolean, marks: Marks): ReaderItemSummary {
  const full = toReaderItem(i, documents, exemptAccess, marks);
  const open = full.documents.filter((d) => !d.withheld);
  return {
    id: full.id,
    type: full.type,
    number: full.number,
    position: full.position,
    title: full.title,
    closed: full.closed,
    legalGround: full.legalGround,
    citation: full.citation,
    caseId: full.case?.id ?? null,
    exempt: full.withheld || i.case_public === false,
    withheld: full.withheld,
    read: full.read,
    annotationCount: full.annotationCount + open.reduce((n, d) => n + d.annotationCount, 0),
    documentCount: full.documents.length,
    documentIds: open.map((d) => d.id),
  };
}
