import { inflateRawSync } from 'node:zlib';

/** Extracted text is cut here: enough for search, bounded for the row and the index. */
export const TEXT_LIMIT_CHARS = 2 * 1024 * 1024;
/** Pages beyond this are not read (a 5,000-page scan must not hold the worker). */
const PAGE_LIMIT = 2000;

/** The text of a document by its type, or null for types without text (images). Throws when unreadable. */
export async function extractText(data: Buffer, contentType: string): Promise<string | null> {
  if (contentType === 'application/pdf') return extractPdfText(data);
  if (contentType === 'application/vnd.openxmlformats-officedocument.wordprocessingml.document') return extractZippedXmlText(data, 'word/document.xml');
  if (contentType === 'application/vnd.oasis.opendocument.text') return extractZippedXmlText(data, 'content.xml');
  return null;
}

/** The types text is extracted from. */
export const TEXT_TYPES: readonly string[] = ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.oasis.opendocument.text'];

export function hasText(contentType: string): boolean {
  return TEXT_TYPES.includes(contentType);
}

export async function extractPdfText(data: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const loading = pdfjs.getDocument({ data: new Uint8Array(data), verbosity: 0, disableFontFace: true, stopAtErrors: true });
  try {
    const document = await loading.promise;
    const parts: string[] = [];
    let length = 0;
    for (let number = 1; number <= Math.min(document.numPages, PAGE_LIMIT) && length < TEXT_LIMIT_CHARS; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');
      page.cleanup();
      parts.push(text);
      length += text.length + 2;
    }
    return clean(parts.join('\n\n'));
  } finally {
    await loading.destroy();
  }
}

/** Text of one XML part in a zip (DOCX, ODT): paragraphs become lines, tags go. */
export function extractZippedXmlText(data: Buffer, entry: string): string {
  const xml = readZipEntry(data, entry);
  const text = xml
    .replace(/<\/(w:p|text:p|text:h)>/g, '\n')
    .replace(/<(w:tab|text:tab)\b[^>]*\/>/g, '\t')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
  return clean(text);
}

function clean(text: string): string {
  // NUL cannot be stored in a PostgreSQL text column; \u0001 and \u0002 mark search hits in snippets.
  const cleaned = text.replaceAll('\u0000', '').replaceAll('\u0001', '').replaceAll('\u0002', '').replace(/[ \t]+\n/g, '\n').trim();
  return cleaned.length > TEXT_LIMIT_CHARS ? cleaned.slice(0, TEXT_LIMIT_CHARS) : cleaned;
}

/** Reads one file from a zip through its central directory (stored or deflated; enough for office files). */
function readZipEntry(zip: Buffer, name: string): string {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('Not a zip file');
  const count = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error('Broken zip directory');
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const local = zip.readUInt32LE(offset + 42);
    const entryName = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    if (entryName === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const body = zip.subarray(start, start + compressedSize);
      const raw = method === 0 ? body : inflateRawSync(body, { maxOutputLength: 64 * 1024 * 1024 });
      return raw.toString('utf8');
    }
    offset += 46 + nameLength + extraLength + commentLength;
  }
  throw new Error(`No ${name} in the zip`);
}
