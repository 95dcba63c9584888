import { describe, expect, it, jest } from '@jest/globals';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { docxWith, HOSTILE_DOCUMENT_XML, odtWith } from '../test-support/zip.js';
import { DEFAULT_EXTRACTION_LIMITS, extractText, TextExtractionError } from './text-extraction.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ODT = 'application/vnd.oasis.opendocument.text';

async function pdfWith(lines: string[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage();
  lines.forEach((line, i) => page.drawText(line, { x: 50, y: 750 - i * 20, size: 12, font }));
  return Buffer.from(await doc.save());
}

const paragraphs = (texts: string[]) => `<w:document><w:body>${texts.map((t) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`).join('')}</w:body></w:document>`;

/** How `promise` failed, as a TextExtractionError. */
async function failure(promise: Promise<unknown>): Promise<TextExtractionError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TextExtractionError);
  return error as TextExtractionError;
}

// Each case starts a worker thread and some build documents of tens of megabytes: on a loaded
// two-core CI machine that is more than Jest's default 5 s. No case asserts a duration.
jest.setTimeout(30_000);

describe('text extraction (in a worker thread)', () => {
  it('reads the text of a PDF', async () => {
    const text = await extractText(await pdfWith(['Nye barnehager i Fjordvik', 'Kostnadsoverslag for utbygging']), 'application/pdf');
    expect(text).toContain('Nye barnehager i Fjordvik');
    expect(text).toContain('Kostnadsoverslag');
  });

  it('fails on a broken PDF instead of returning garbage', async () => {
    expect((await failure(extractText(Buffer.from('%PDF-1.7\nnot really a pdf'), 'application/pdf'))).kind).toBe('unreadable');
  });

  it('reads the paragraphs of a DOCX, with entities, tabs and breaks in runs but not paragraph tab stops', async () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
      '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>Skolebruksplan &amp; økonomi</w:t></w:r></w:p>' +
      '<w:p><w:r><w:t xml:space="preserve">Andre </w:t></w:r><w:r><w:t>avsnitt</w:t><w:tab/><w:t>&lt;kolonne&gt;</w:t><w:br/><w:t>ny linje</w:t></w:r></w:p>' +
      '<w:p><w:r><w:delText>slettet</w:delText><w:instrText>PAGE</w:instrText></w:r></w:p>' +
      '</w:body></w:document>';
    await expect(extractText(docxWith(xml), DOCX)).resolves.toBe('Skolebruksplan & økonomi\nAndre avsnitt\t<kolonne>\nny linje');
  });

  it('reads the paragraphs and headings of an ODT', async () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">' +
      '<office:body><office:text><text:h text:outline-level="1">Budsjett 2027</text:h>' +
      '<text:p>Drift<text:tab/>12 mill.<text:s text:c="3"/>kr</text:p><text:p>Investering<text:line-break/>i <text:span>skole</text:span></text:p></office:text></office:body></office:document-content>';
    await expect(extractText(odtWith(xml), ODT)).resolves.toBe('Budsjett 2027\nDrift\t12 mill.   kr\nInvestering\ni skole');
  });

  it('has no text for images', async () => {
    await expect(extractText(Buffer.from([0x89, 0x50]), 'image/png')).resolves.toBeNull();
  });

  it('refuses the hostile DOCX (200,000 "<") at once as unreadable XML', async () => {
    const docx = docxWith(HOSTILE_DOCUMENT_XML);
    expect(docx.length).toBeLessThan(2000);
    const error = await failure(extractText(docx, DOCX));
    expect(error.kind).toBe('unreadable');
    expect(error.message).toContain('not well-formed XML');
  });

  it('refuses a zip bomb by the size its directory states, before unpacking', async () => {
    const bomb = docxWith(paragraphs(['x']), 2 ** 31);
    const error = await failure(extractText(bomb, DOCX));
    expect(error.kind).toBe('too-large');
    expect(error.message).toContain(String(2 ** 31));
  });

  it('refuses a zip bomb that states a small size, once it unpacks past the limit', async () => {
    // 15 MB of paragraphs in a few KB, claiming 100 bytes; the limit is 1 MB.
    const bomb = docxWith(paragraphs(new Array<string>(400_000).fill('ja')), 100);
    expect(bomb.length).toBeLessThan(100_000);
    const error = await failure(extractText(bomb, DOCX, { ...DEFAULT_EXTRACTION_LIMITS, maxUnzippedBytes: 1024 * 1024 }));
    expect(error.kind).toBe('too-large');
  });

  it('refuses an entry that unpacks past the limit whatever it states', async () => {
    const big = docxWith(paragraphs(new Array<string>(400_000).fill('ja')));
    const error = await failure(extractText(big, DOCX, { ...DEFAULT_EXTRACTION_LIMITS, maxUnzippedBytes: 1024 * 1024 }));
    expect(error.kind).toBe('too-large');
  });

  it('cuts the text at the character limit and stops reading', async () => {
    const docx = docxWith(paragraphs(new Array<string>(50_000).fill('barnehage')));
    const text = await extractText(docx, DOCX, { ...DEFAULT_EXTRACTION_LIMITS, maxChars: 1000 });
    expect(text).toHaveLength(1000);
    expect(text!.startsWith('barnehage\nbarnehage\n')).toBe(true);
  });

  it('refuses input above the byte limit without starting a worker', async () => {
    const error = await failure(extractText(await pdfWith(['stor']), 'application/pdf', { ...DEFAULT_EXTRACTION_LIMITS, maxInputBytes: 100 }));
    expect(error.kind).toBe('too-large');
  });

  it('stops a document that takes longer than the time limit, and the next one is read as usual', async () => {
    // 32 MB of XML (well-formed, within the size limit) in a small file takes the parser a while.
    const slow = docxWith(`<w:document><w:body>${'<w:bookmarkEnd/>'.repeat(2_000_000)}</w:body></w:document>`);
    const error = await failure(extractText(slow, DOCX, { ...DEFAULT_EXTRACTION_LIMITS, timeoutMs: 50 }));
    expect(error.kind).toBe('timeout');
    await expect(extractText(docxWith(paragraphs(['etterpå'])), DOCX)).resolves.toBe('etterpå');
  });

  it('reads nothing from a zip without the document part', async () => {
    const error = await failure(extractText(odtWith('<office:document-content/>'), DOCX));
    expect(error).toMatchObject({ kind: 'unreadable', message: 'No word/document.xml in the zip' });
  });
});
