import { describe, expect, it } from '@jest/globals';
import { PDFDocument } from 'pdf-lib';
import { formatMegabytes, sniffDocumentType } from './document-types.js';

describe('sniffDocumentType', () => {
  it('accepts a PDF by its bytes', async () => {
    const pdf = Buffer.from(await (await PDFDocument.create()).save());
    await expect(sniffDocumentType(pdf)).resolves.toEqual({ mime: 'application/pdf', ext: 'pdf' });
  });

  it('refuses text and executables naming what they are', async () => {
    await expect(sniffDocumentType(Buffer.from('Bare tekst\n'))).rejects.toMatchObject({ code: 'DOCUMENT_TYPE_NOT_ALLOWED', status: 415 });
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]);
    await expect(sniffDocumentType(exe)).rejects.toMatchObject({ code: 'DOCUMENT_TYPE_NOT_ALLOWED', message: expect.stringContaining('.exe') });
  });

  it('refuses an empty file', async () => {
    await expect(sniffDocumentType(Buffer.alloc(0))).rejects.toMatchObject({ code: 'DOCUMENT_EMPTY' });
  });

  it('states sizes in megabytes the Norwegian way', () => {
    expect(formatMegabytes(50 * 1024 * 1024)).toBe('50');
    expect(formatMegabytes(512 * 1024)).toBe('0,5');
  });
});
