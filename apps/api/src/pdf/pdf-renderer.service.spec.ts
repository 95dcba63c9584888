import { describe, expect, it, jest } from '@jest/globals';
import { parseConfig } from '../config/config.js';
import type { BrowserPool } from './browser-pool.js';
import { PdfInputTooLargeError } from './pdf.errors.js';
import { footerTemplate, headerTemplate, pdfOptions, PdfRenderer } from './pdf-renderer.service.js';

describe('pdfOptions', () => {
  it('prints tagged A4 with a running header and page numbers', () => {
    const options = pdfOptions({
      html: '',
      title: 'Medlemsliste – Formannskapet',
      headerText: 'Bærum kommune',
    });
    expect(options).toEqual(
      expect.objectContaining({
        format: 'A4',
        tagged: true,
        displayHeaderFooter: true,
        printBackground: true,
      }),
    );
    expect(options.margin).toEqual({ top: '24mm', bottom: '20mm', left: '20mm', right: '20mm' });
    expect(options.headerTemplate).toContain(
      '<span>Bærum kommune</span><span>Medlemsliste – Formannskapet</span>',
    );
    expect(options.footerTemplate).toContain(
      'Side <span class="pageNumber"></span> av <span class="totalPages"></span>',
    );
  });

  it('escapes the header and footer text (Chromium renders the templates as HTML)', () => {
    const header = headerTemplate({ title: '<b>x</b>', headerText: 'A & B <script>' });
    expect(header).toContain('<span>A &amp; B &lt;script&gt;</span><span>&lt;b&gt;x&lt;/b&gt;</span>');
    expect(footerTemplate({ footerText: '"<i>"' })).toContain('<span>&quot;&lt;i&gt;&quot;</span>');
    expect(footerTemplate({})).toContain('<span></span>');
  });
});

describe('PdfRenderer size guard', () => {
  it('rejects HTML over PDF_MAX_HTML_BYTES, counted in UTF-8 bytes, without asking the pool', async () => {
    const withPage = jest.fn();
    const pool = { withPage } as unknown as BrowserPool;
    const renderer = new PdfRenderer(pool, parseConfig({ PDF_MAX_HTML_BYTES: '10' }));
    const rejection = renderer.render({ html: 'ææææææ', title: 'x' }); // 6 characters, 12 bytes
    await expect(rejection).rejects.toBeInstanceOf(PdfInputTooLargeError);
    await expect(rejection).rejects.toMatchObject({
      code: 'PDF_INPUT_TOO_LARGE',
      status: 413,
      bytes: 12,
      maxBytes: 10,
    });
    expect(withPage).not.toHaveBeenCalled();
  });
});
