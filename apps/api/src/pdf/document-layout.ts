import { osloDateTimeFormat } from '../common/locale-format.js';
import { DOCUMENT_FONT_FAMILY, fontFaceCss } from './fonts.js';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values. Every value from data goes through it. */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/**
 * Belt and braces next to the browser pool's request blocking: a composed document may only use inline styles
 * and data: fonts and images, never fetch anything or run script.
 */
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:";

/**
 * Base print CSS for A4 documents. Page size and margins come from the renderer (page.pdf options), so the
 * header and footer line up with the body.
 */
const BASE_CSS = `
html { font-family: '${DOCUMENT_FONT_FAMILY}', sans-serif; font-size: 10pt; line-height: 1.4; color: #1b1b1b; }
body { margin: 0; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
h1 { font-size: 18pt; line-height: 1.2; font-weight: 700; margin: 0 0 2pt; }
h2 { font-size: 12.5pt; font-weight: 700; margin: 18pt 0 6pt; break-after: avoid; }
p { margin: 0 0 6pt; }
.doc-header { border-bottom: 1.5pt solid #1b1b1b; padding-bottom: 8pt; margin-bottom: 12pt; }
.doc-kicker { font-size: 9pt; font-weight: 700; text-transform: uppercase; letter-spacing: 0.06em; color: #3d3d3d; margin: 0 0 4pt; }
.doc-facts { display: grid; grid-template-columns: max-content 1fr; gap: 1pt 12pt; margin: 8pt 0 0; font-size: 9.5pt; }
.doc-facts dt { font-weight: 700; }
.doc-facts dd { margin: 0; }
table { width: 100%; border-collapse: collapse; font-size: 9.5pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th { text-align: left; font-weight: 700; border-bottom: 1pt solid #1b1b1b; padding: 4pt 6pt; background: #f0f0f0; }
td { border-bottom: 0.5pt solid #c4c4c4; padding: 3.5pt 6pt; vertical-align: top; }
th.num, td.num { text-align: right; width: 3.5em; }
.muted { color: #595959; }
.empty { font-style: italic; color: #595959; }
section { break-inside: auto; }
h2 + table, h2 + p { break-before: avoid; }
`;

export interface LayoutInput {
  /** BCP 47 language of the document; screen readers and the tagged PDF use it. */
  lang?: string;
  /** Becomes the PDF's title (document metadata). */
  title: string;
  /** Body markup; the caller has escaped every value in it. */
  body: string;
  /** Extra CSS for one document type. */
  css?: string;
}

/** The shared HTML shell every composer wraps its body in: fonts, base print CSS, language and title. */
export function renderDocument({ lang = 'nb', title, body, css = '' }: LayoutInput): string {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<title>${escapeHtml(title)}</title>
<style>
${fontFaceCss()}
${BASE_CSS}
${css}
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** What every composer returns: a whole document plus the running header and footer. Fits PdfRenderer.render. */
export interface ComposedDocument {
  html: string;
  title: string;
  headerText: string;
  footerText: string;
  lang: string;
}

// Bokmål with its fallbacks (common/locale-format), in Norwegian time.
const dateFormat = osloDateTimeFormat('nb', { day: '2-digit', month: '2-digit', year: 'numeric' });
const timeFormat = osloDateTimeFormat('nb', { hour: '2-digit', minute: '2-digit' });

/** "25.11.2026 kl. 14:03", Norwegian time whatever the server's time zone. */
export function formatPrintedAt(at: Date): string {
  return `${dateFormat.format(at)} kl. ${timeFormat.format(at)}`;
}

/** An ISO calendar date ("2023-10-16") as "16.10.2023"; no time zone is involved. */
export function formatIsoDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : isoDate;
}

/** "10.03.2027" in Norwegian time. */
export function formatOsloDate(at: Date): string {
  return dateFormat.format(at);
}

/** "18:00" in Norwegian time. */
export function formatOsloTime(at: Date): string {
  return timeFormat.format(at);
}
