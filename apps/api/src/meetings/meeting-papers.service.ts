import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { PDFDocument, type PDFImage, type PDFPage, type PDFRef, StandardFonts } from 'pdf-lib';
import { DocumentStore } from '../documents/document-store.js';
import { Document } from '../documents/document.entity.js';
import { MunicipalitiesService } from '../municipalities/municipalities.service.js';
import type { CasePresentationInput } from '../pdf/composers/case-presentation.composer.js';
import { composeMeetingPapers } from '../pdf/composers/meeting-papers.composer.js';
import { numberPages, topLevelOutlinePages, writeOutline, type OutlineEntry } from '../pdf/merge.js';
import { PdfRenderError } from '../pdf/pdf.errors.js';
import { PdfRenderer } from '../pdf/pdf-renderer.service.js';
import { AgendaItem } from './agenda-item.entity.js';
import { MeetingNoticeService } from './meeting-notice.service.js';
import { personName, toAgendaItemDto } from './meetings.mapper.js';
import { MeetingsService } from './meetings.service.js';
import { opensItem, PaperAccess, type ExemptScope } from '../cases/paper-access.js';
import { osloDay } from '../core/dates.js';

/** An attachment as it goes into the papers: merged pages, an image on a page, or only its title. */
type Attachment = { title: string } & ({ kind: 'pdf'; pdf: PDFDocument } | { kind: 'image'; bytes: Buffer; type: 'png' | 'jpg' } | { kind: 'listed' });

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;

/**
 * The full meeting papers (møtedokumenter) as one PDF: the notice, then for each item its case
 * presentation followed by the case's attachments — PDFs merged in page by page, images on a page
 * of their own, other types listed by title. What is exempt for the reader is left out: a withheld
 * item shows only its number, "Unntatt offentlighet" and the legal ground, and exempt documents are
 * not included.
 */
@Injectable()
export class MeetingPapersService {
  private readonly logger = new Logger(MeetingPapersService.name);

  constructor(
    @Inject(EntityManager) private readonly em: EntityManager,
    private readonly meetings: MeetingsService,
    private readonly notices: MeetingNoticeService,
    private readonly municipalities: MunicipalitiesService,
    private readonly renderer: PdfRenderer,
    private readonly store: DocumentStore,
  ) {}

  /** `publicOnly`: published meetings of open bodies only; `scope`: where the reader may read exempt papers. */
  async render(meetingId: string, access: { publicOnly: boolean; scope: ExemptScope }, now = new Date()): Promise<{ pdf: Buffer; filename: string }> {
    const meeting = await this.meetings.get(meetingId, access);
    const reader = { ...PaperAccess.reader(access.scope, meeting.id), publicOnly: access.publicOnly };
    const bodyName = meeting.body.getEntity().name;
    const municipality = await this.municipalities.byId(meeting.municipality.id);
    const items = await this.em.find(AgendaItem, { meeting }, { populate: ['case', 'asker'], orderBy: { position: 'asc' } });
    const caseIds = items.flatMap((i) => (i.case ? [i.case.id] : []));
    const documents = caseIds.length
      ? await this.em.find(Document, { case: { $in: caseIds }, ...(reader.exemptAccess || reader.exemptItemIds?.length ? {} : { public: true }) }, { orderBy: { position: 'asc', createdAt: 'asc' } })
      : [];

    const { input: notice } = await this.notices.noticeInput(meeting.id, now);

    // Read the attachments one by one (the store may share this request's connection).
    const presentations: CasePresentationInput[] = [];
    const sections: { attachments: Attachment[] }[] = [];
    for (const item of items) {
      const kase = item.case?.getEntity() ?? null;
      const open = opensItem(reader, item.id);
      const dto = toAgendaItemDto(item, kase, { exemptAccess: open }, personName(item.asker?.getEntity()));
      const hidden = (item.closed || (kase !== null && !kase.public)) && !open;
      const attachments = hidden || !kase ? [] : await this.attachments(documents.filter((d) => d.case.id === kase.id && (open || d.public)));
      presentations.push({
        municipalityName: municipality.name,
        language: notice.language ?? 'nb',
        bodyName,
        meetingStartsAt: meeting.startsAt,
        item: { number: dto.number, title: dto.title, askerName: dto.askerName },
        case: hidden || !kase ? null : kase,
        exempt: hidden ? { citation: dto.citation } : null,
        bodyRecommendation: hidden ? '' : item.recommendation,
        attachments: attachments.map((a) => ({ title: a.title, included: a.kind !== 'listed' })),
        generatedAt: now,
      });
      sections.push({ attachments });
    }

    // The notice and all presentations are printed as one document: one structure tree (tagged),
    // and Chromium's bookmarks (one per h1) tell where each part starts.
    const composed = composeMeetingPapers({ municipalityName: municipality.name, bodyName, meetingStartsAt: meeting.startsAt, notice, presentations, generatedAt: now });
    const out = await PDFDocument.load(await this.renderer.render(composed));
    const starts = topLevelOutlinePages(out);
    if (starts.length !== composed.parts.length) throw new PdfRenderError(`expected ${composed.parts.length} parts in the outline, found ${starts.length}`);
    const printed = out.getPages();
    const index = (ref: PDFRef) => printed.findIndex((p) => p.ref === ref);

    // Attachments go after their case: before the next part's first page, the last ones at the end.
    // From the last part backwards, so the printed pages' indices still hold where we insert.
    const foreign = new Set<PDFRef>();
    const children: OutlineEntry[][] = composed.parts.map(() => []);
    for (let s = sections.length - 1; s >= 0; s--) {
      let at = s + 2 < starts.length ? index(starts[s + 2]!) : printed.length;
      const entries: OutlineEntry[] = [];
      for (const a of sections[s]!.attachments) {
        if (a.kind === 'listed') continue;
        let first: PDFRef;
        if (a.kind === 'pdf') {
          const pages = await out.copyPages(a.pdf, a.pdf.getPageIndices());
          first = pages[0]!.ref;
          for (const p of pages) {
            out.insertPage(at++, p);
            foreign.add(p.ref);
          }
        } else {
          const page = out.insertPage(at++, A4);
          await imagePage(out, page, a.title, a.type === 'png' ? await out.embedPng(a.bytes) : await out.embedJpg(a.bytes));
          first = page.ref;
        }
        entries.push({ title: a.title, page: first });
      }
      children[s + 1] = entries;
    }
    writeOutline(
      out,
      composed.parts.map((title, i) => ({ title, page: starts[i]!, children: children[i]! })),
    );
    await numberPages(out, foreign);
    out.setTitle(composed.title);
    out.setLanguage('nb-NO');
    out.setProducer('Sekretariat');
    const day = osloDay(meeting.startsAt);
    return { pdf: Buffer.from(await out.save()), filename: `motedokumenter-${day}.pdf` };
  }

  /** Reads each document and checks it against its checksum; what cannot be merged is listed by title. */
  private async attachments(documents: readonly Document[]): Promise<Attachment[]> {
    const out: Attachment[] = [];
    for (const d of documents) {
      const type = d.contentType === 'application/pdf' ? 'pdf' : d.contentType === 'image/png' ? 'png' : d.contentType === 'image/jpeg' ? 'jpg' : null;
      if (!type) {
        out.push({ title: d.title, kind: 'listed' });
        continue;
      }
      try {
        const bytes = await this.store.readVerified(d.storageKey, d);
        if (type === 'pdf') out.push({ title: d.title, kind: 'pdf', pdf: await PDFDocument.load(bytes, { ignoreEncryption: false }) });
        else out.push({ title: d.title, kind: 'image', bytes, type });
      } catch (error) {
        // A damaged or encrypted file must not stop the papers: it is listed instead.
        this.logger.warn(`Document ${d.id} left out of the meeting papers: ${(error as Error).message}`);
        out.push({ title: d.title, kind: 'listed' });
      }
    }
    return out;
  }
}

/** An image attachment on an A4 page of its own, with its title above, scaled to fit. */
async function imagePage(out: PDFDocument, page: PDFPage, title: string, image: PDFImage): Promise<void> {
  const font = await out.embedFont(StandardFonts.Helvetica);
  // The standard fonts cover WinAnsi (Latin-1 and more): enough for Norwegian titles.
  const safe = [...title].filter((c) => font.getCharacterSet().includes(c.codePointAt(0)!)).join('');
  page.drawText(safe, { x: MARGIN, y: A4[1] - MARGIN - 12, size: 12, font });
  const maxW = A4[0] - 2 * MARGIN;
  const maxH = A4[1] - 2 * MARGIN - 30;
  const scale = Math.min(maxW / image.width, maxH / image.height, 1);
  const w = image.width * scale;
  const h = image.height * scale;
  page.drawImage(image, { x: MARGIN + (maxW - w) / 2, y: A4[1] - MARGIN - 30 - h, width: w, height: h });
}
