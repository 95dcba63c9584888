import { describe, expect, it } from '@jest/globals';
import { deflateRawSync } from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { extractPdfText, extractText, extractZippedXmlText } from './text-extraction.js';

async function pdfWith(lines: string[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage();
  lines.forEach((line, i) => page.drawText(line, { x: 50, y: 750 - i * 20, size: 12, font }));
  return Buffer.from(await doc.save());
}

/** A minimal zip with one deflated entry, as DOCX files are. */
function zipWith(name: string, content: string): Buffer {
  const data = deflateRawSync(Buffer.from(content));
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(0, 42);
  const directoryOffset = local.length + nameBytes.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(directoryOffset, 16);
  return Buffer.concat([local, nameBytes, data, central, nameBytes, end]);
}

describe('text extraction', () => {
  it('reads the text of a PDF', async () => {
    const text = await extractPdfText(await pdfWith(['Nye barnehager i Fjordvik', 'Kostnadsoverslag for utbygging']));
    expect(text).toContain('Nye barnehager i Fjordvik');
    expect(text).toContain('Kostnadsoverslag');
  });

  it('fails on a broken PDF instead of returning garbage', async () => {
    await expect(extractPdfText(Buffer.from('%PDF-1.7\nnot really a pdf'))).rejects.toThrow();
  });

  it('reads the paragraphs of a DOCX document part', () => {
    const zip = zipWith('word/document.xml', '<w:document><w:body><w:p><w:r><w:t>Skolebruksplan &amp; økonomi</w:t></w:r></w:p><w:p><w:r><w:t>Andre avsnitt</w:t></w:r></w:p></w:body></w:document>');
    expect(extractZippedXmlText(zip, 'word/document.xml')).toBe('Skolebruksplan & økonomi\nAndre avsnitt');
  });

  it('has no text for images', async () => {
    await expect(extractText(Buffer.from([0x89, 0x50]), 'image/png')).resolves.toBeNull();
  });
});
