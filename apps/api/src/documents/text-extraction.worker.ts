/**
 * Text extraction itself, run in a worker thread (see text-extraction.ts): never in the API's
 * event loop, so a hostile file can cost a thread its time limit, not every request.
 *
 * This file is the worker's entry point and has no relative imports, so the same file runs from
 * the build (dist/…/text-extraction.worker.js) and, in tests, from the source with Node's type
 * stripping (only erasable TypeScript here: no enums, no parameter properties, `import type`).
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { Readable } from 'node:stream';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const ODT_TYPE = 'application/vnd.oasis.opendocument.text';
export const PDF_TYPE = 'application/pdf';

/** Pages beyond this are not read (a 5,000-page scan must not hold the worker). */
export const PAGE_LIMIT = 2000;

export interface InThreadLimits {
  /** Largest uncompressed XML part read from a DOCX/ODT (a zip bomb is refused here). */
  maxUnzippedBytes: number;
  /** Extracted text is cut here. */
  maxChars: number;
}

/** Why an extraction gave no text; `message` goes to the log. */
export type ExtractionFailure = 'unreadable' | 'too-large' | 'timeout' | 'crashed';

export class TextExtractionError extends Error {
  readonly kind: ExtractionFailure;
  constructor(kind: ExtractionFailure, message: string) {
    super(message);
    this.name = 'TextExtractionError';
    this.kind = kind;
  }
}

/** The text of a document of one of the text types, in the calling thread. Throws when unreadable. */
export async function extractInThisThread(data: Uint8Array, contentType: string, limits: InThreadLimits): Promise<string> {
  if (contentType === PDF_TYPE) return extractPdfText(data, limits.maxChars);
  if (contentType === DOCX_TYPE) return extractZippedXmlText(data, 'word/document.xml', DOCX_TEXT, limits);
  if (contentType === ODT_TYPE) return extractZippedXmlText(data, 'content.xml', ODT_TEXT, limits);
  throw new TextExtractionError('unreadable', `No text extraction for ${contentType}`);
}

export async function extractPdfText(data: Uint8Array, maxChars: number): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const loading = pdfjs.getDocument({ data: new Uint8Array(data), verbosity: 0, disableFontFace: true, stopAtErrors: true });
  try {
    const document = await loading.promise;
    const parts: string[] = [];
    let length = 0;
    for (let number = 1; number <= Math.min(document.numPages, PAGE_LIMIT) && length < maxChars; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');
      page.cleanup();
      parts.push(text);
      length += text.length + 2;
    }
    return clean(parts.join('\n\n'), maxChars);
  } finally {
    await loading.destroy();
  }
}

/** Which elements of an XML part hold text, and which stand for a tab, a line break or a space. */
export interface XmlTextRules {
  /** Text counts only inside these elements (at any depth). */
  textIn: ReadonlySet<string>;
  /** Tabs, breaks and spaces count only inside these (a DOCX paragraph's tab stops are `w:tab` too). */
  marksIn: ReadonlySet<string>;
  /** Closing one of these ends a line (paragraphs, headings). */
  paragraphs: ReadonlySet<string>;
  tabs: ReadonlySet<string>;
  breaks: ReadonlySet<string>;
  /** Elements standing for spaces, with the count in attribute `c` (ODT `text:s`). */
  spaces: ReadonlySet<string>;
}

const DOCX_TEXT: XmlTextRules = {
  textIn: new Set(['w:t']),
  marksIn: new Set(['w:r']),
  paragraphs: new Set(['w:p']),
  tabs: new Set(['w:tab']),
  breaks: new Set(['w:br', 'w:cr']),
  spaces: new Set(),
};
const ODT_TEXT: XmlTextRules = {
  textIn: new Set(['text:p', 'text:h']),
  marksIn: new Set(['text:p', 'text:h']),
  paragraphs: new Set(['text:p', 'text:h']),
  tabs: new Set(['text:tab']),
  breaks: new Set(['text:line-break']),
  spaces: new Set(['text:s']),
};

/**
 * Text of one XML part in a zip (DOCX, ODT), streamed: the part is inflated chunk by chunk into
 * a streaming XML parser (saxes), never held whole. An entry that says or turns out to be larger
 * than `maxUnzippedBytes` is refused; reading stops once `maxChars` of text are collected.
 * Malformed XML (unclosed tags, undefined entities; DTDs are not processed) is unreadable.
 */
export async function extractZippedXmlText(data: Uint8Array, entryName: string, rules: XmlTextRules, limits: InThreadLimits): Promise<string> {
  let zip: ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(Buffer.from(data.buffer, data.byteOffset, data.byteLength), { lazyEntries: true, validateEntrySizes: true, autoClose: false });
  } catch (error) {
    throw new TextExtractionError('unreadable', `Not a readable zip file: ${message(error)}`);
  }
  try {
    let entry: Entry | undefined;
    try {
      for await (const candidate of zip.eachEntry()) {
        if (candidate.fileName === entryName) {
          entry = candidate;
          break;
        }
      }
    } catch (error) {
      throw new TextExtractionError('unreadable', `Broken zip directory: ${message(error)}`);
    }
    if (!entry) throw new TextExtractionError('unreadable', `No ${entryName} in the zip`);
    if (entry.uncompressedSize > limits.maxUnzippedBytes) {
      throw new TextExtractionError('too-large', `${entryName} would unpack to ${entry.uncompressedSize} bytes, more than the limit of ${limits.maxUnzippedBytes}`);
    }
    let stream: Readable;
    try {
      stream = await zip.openReadStreamPromise(entry);
    } catch (error) {
      throw new TextExtractionError('unreadable', `Cannot read ${entryName}: ${message(error)}`);
    }
    return await parseXmlStream(stream, rules, limits, entryName);
  } finally {
    zip.close();
  }
}

function parseXmlStream(stream: Readable, rules: XmlTextRules, limits: InThreadLimits, entryName: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: string[] = [];
    let length = 0;
    let inText = 0;
    let inMarks = 0;
    let bytes = 0;
    let settled = false;
    const add = (text: string) => {
      parts.push(text);
      length += text.length;
    };
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      stream.destroy();
      if (error) reject(error);
      else resolve(clean(parts.join(''), limits.maxChars));
    };
    const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
    parser.on('opentag', (tag: SaxesTagPlain) => {
      if (rules.textIn.has(tag.name)) inText++;
      if (rules.marksIn.has(tag.name)) inMarks++;
      if (inMarks === 0) return;
      if (rules.tabs.has(tag.name)) add('\t');
      else if (rules.breaks.has(tag.name)) add('\n');
      else if (rules.spaces.has(tag.name)) add(' '.repeat(Math.min(Math.max(Number(tag.attributes['text:c'] ?? 1) || 1, 1), 1000)));
    });
    parser.on('closetag', (tag: SaxesTagPlain) => {
      if (rules.textIn.has(tag.name)) inText--;
      if (rules.marksIn.has(tag.name)) inMarks--;
      if (rules.paragraphs.has(tag.name)) add('\n');
    });
    parser.on('text', (text: string) => {
      if (inText > 0) add(text);
    });
    const decoder = new TextDecoder('utf-8');
    stream.on('data', (chunk: Buffer) => {
      if (settled) return;
      bytes += chunk.length;
      if (bytes > limits.maxUnzippedBytes) {
        finish(new TextExtractionError('too-large', `${entryName} unpacks to more than the limit of ${limits.maxUnzippedBytes} bytes`));
        return;
      }
      try {
        parser.write(decoder.decode(chunk, { stream: true }));
      } catch (error) {
        finish(new TextExtractionError('unreadable', `${entryName} is not well-formed XML: ${message(error)}`));
        return;
      }
      // Enough text for search: stop reading (what was collected is kept).
      if (length >= limits.maxChars) finish();
    });
    stream.on('end', () => {
      if (settled) return;
      try {
        parser.write(decoder.decode());
        parser.close();
      } catch (error) {
        finish(new TextExtractionError('unreadable', `${entryName} is not well-formed XML: ${message(error)}`));
        return;
      }
      finish();
    });
    stream.on('error', (error: Error) => {
      // yauzl checks the inflated size against the directory's: a lying entry ends here.
      const tooLarge = /too many bytes/i.test(error.message);
      finish(new TextExtractionError(tooLarge ? 'too-large' : 'unreadable', `Cannot read ${entryName}: ${error.message}`));
    });
  });
}

/** Cuts to `maxChars`; drops what PostgreSQL cannot store (NUL) and the search hit markers (\u0001, \u0002). */
export function clean(text: string, maxChars: number): string {
  const cleaned = text.replaceAll('\u0000', '').replaceAll('\u0001', '').replaceAll('\u0002', '').replace(/[ \t]+\n/g, '\n').trim();
  return cleaned.length > maxChars ? cleaned.slice(0, maxChars) : cleaned;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What the main thread hands the worker (`workerData`). */
export interface WorkerInput {
  marker: typeof WORKER_MARKER;
  data: Uint8Array;
  contentType: string;
  limits: InThreadLimits;
}
export type WorkerOutput = { ok: true; text: string } | { ok: false; kind: ExtractionFailure; message: string };
export const WORKER_MARKER = 'sekretariat-text-extraction';

const input = workerData as WorkerInput | undefined;
if (!isMainThread && parentPort && input?.marker === WORKER_MARKER) {
  const port = parentPort;
  extractInThisThread(input.data, input.contentType, input.limits).then(
    (text) => port.postMessage({ ok: true, text } satisfies WorkerOutput),
    (error: unknown) => port.postMessage({ ok: false, kind: error instanceof TextExtractionError ? error.kind : 'unreadable', message: message(error) } satisfies WorkerOutput),
  );
}
