import { describe, expect, it } from '@jest/globals';
import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { numberPages, pageLabel, topLevelOutlinePages, writeOutline } from './merge.js';

async function pages(n: number): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < n; i++) doc.addPage([595, 842]).drawText(`PAGE ${i + 1}`, { x: 50, y: 780, size: 12, font });
  return doc;
}

/** Text and outline read back with pdf.js, as a viewer would. */
async function readBack(bytes: Uint8Array): Promise<{ texts: string[]; outline: { title: string; page: number; children: { title: string; page: number }[] }[] }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const loading = pdfjs.getDocument({ data: bytes, verbosity: 0, disableFontFace: true });
  try {
    const doc = await loading.promise;
    const texts: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      texts.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' '));
    }
    type Node = { title: string; dest: unknown; items: Node[] };
    const page = async (n: Node) => (await doc.getPageIndex((n.dest as [{ num: number; gen: number }])[0])) + 1;
    // One after the other: pdf.js answers page lookups in order.
    const outline = [];
    for (const n of ((await doc.getOutline()) ?? []) as Node[]) {
      const children = [];
      for (const c of n.items) children.push({ title: c.title, page: await page(c) });
      outline.push({ title: n.title, page: await page(n), children });
    }
    return { texts, outline };
  } finally {
    await loading.destroy();
  }
}

describe('merged PDFs', () => {
  it('writes bookmarks with Norwegian titles that open their pages, children closed', async () => {
    const doc = await pages(4);
    const [p1, p2, p3, p4] = doc.getPages().map((p) => p.ref);
    writeOutline(doc, [
      { title: 'Møteinnkalling', page: p1! },
      { title: 'PS 1/27 Ny skole på Ørnes', page: p2!, children: [{ title: 'Vedlegg – kart', page: p3! }] },
      { title: 'PS 2/27 Unntatt offentlighet', page: p4! },
    ]);
    expect(doc.catalog.get(PDFName.of('PageMode'))).toBe(PDFName.of('UseOutlines'));
    const { outline } = await readBack(await doc.save());
    expect(outline).toEqual([
      { title: 'Møteinnkalling', page: 1, children: [] },
      { title: 'PS 1/27 Ny skole på Ørnes', page: 2, children: [{ title: 'Vedlegg – kart', page: 3 }] },
      { title: 'PS 2/27 Unntatt offentlighet', page: 4, children: [] },
    ]);
    // And the writer's own reader finds the top level again, as it does in Chromium's outline.
    expect(topLevelOutlinePages(await PDFDocument.load(await doc.save()))).toHaveLength(3);
  });

  it('numbers every page through the whole file, on pages of any origin', async () => {
    const doc = await pages(3);
    const other = await pages(2);
    for (const p of await doc.copyPages(other, [0, 1])) doc.insertPage(1, p);
    await numberPages(doc, new Set([doc.getPages()[1]!.ref]));
    const { texts } = await readBack(await doc.save());
    expect(texts).toHaveLength(5);
    texts.forEach((text, i) => expect(text).toContain(pageLabel(i + 1, 5)));
    expect(texts[4]).toContain('Side 5 av 5');
  });

  it('finds no parts in a PDF without bookmarks', async () => {
    expect(topLevelOutlinePages(await pages(2))).toEqual([]);
  });
});
