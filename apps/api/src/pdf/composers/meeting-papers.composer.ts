import { escapeHtml, formatOsloDate, formatPrintedAt, renderDocument, type ComposedDocument } from '../document-layout.js';
import { CASE_PRESENTATION_CSS, casePresentationParts, type CasePresentationInput } from './case-presentation.composer.js';
import { MEETING_NOTICE_CSS, meetingNoticeParts, type MeetingNoticeInput } from './meeting-notice.composer.js';

export interface MeetingPapersInput {
  municipalityName: string;
  bodyName: string;
  meetingStartsAt: Date;
  notice: MeetingNoticeInput;
  /** One case presentation per agenda item, in agenda order; exempt ones as the reader may see them. */
  presentations: readonly CasePresentationInput[];
  generatedAt: Date;
}

/** The composed papers: one document for Chromium, with the title of each part in order. */
export interface ComposedMeetingPapers extends ComposedDocument {
  /** The notice's title, then each item's heading ("PS 1/27 Ny skole", "PS 2/27 Unntatt offentlighet"). */
  parts: string[];
  /** Chromium writes a bookmark per heading; the service finds where each part starts by them. */
  outline: true;
  /** Numbered afterwards across the merged file, attachments included. */
  pageNumbers: false;
}

const CSS = `
.paper + .paper { break-before: page; }
`;

/**
 * The notice and every case presentation of the meeting papers as ONE document, each part on new
 * pages with its own h1: printed in one go, the whole file is tagged (one structure tree) and
 * Chromium's bookmarks show where each part starts, so the attachments can be merged in after
 * their case. Pure.
 */
export function composeMeetingPapers(input: MeetingPapersInput): ComposedMeetingPapers {
  const title = `Møtedokumenter – ${input.bodyName} ${formatOsloDate(input.meetingStartsAt)}`;
  const notice = meetingNoticeParts(input.notice);
  const presentations = input.presentations.map((p, i) => casePresentationParts(p, `sak${i + 1}-`));
  // The notice and the presentations are in the municipality's written standard (målform).
  const parts = [{ ...notice, lang: input.notice.language ?? 'nb' }, ...presentations.map((p, i) => ({ ...p, lang: input.presentations[i]!.language ?? 'nb' }))];
  const html = renderDocument({
    lang: 'nb',
    title,
    css: `${MEETING_NOTICE_CSS}\n${CASE_PRESENTATION_CSS}\n${CSS}`,
    body: parts.map((p) => `<article class="paper" lang="${p.lang}" aria-label="${escapeHtml(p.title)}">${p.body}\n</article>`).join('\n'),
  });
  return {
    html,
    title,
    headerText: input.municipalityName,
    footerText: `Utskrift ${formatPrintedAt(input.generatedAt)}`,
    lang: 'nb',
    parts: parts.map((p) => p.title),
    outline: true,
    pageNumbers: false,
  };
}
