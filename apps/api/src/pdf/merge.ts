import {
  beginMarkedContent,
  endMarkedContent,
  PDFArray,
  PDFContentStream,
  PDFDict,
  PDFDocument,
  type PDFFont,
  PDFHexString,
  PDFName,
  PDFNumber,
  type PDFPage,
  PDFRef,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  StandardFonts,
} from 'pdf-lib';

/**
 * What a merged PDF needs after its parts are put together (the meeting papers): bookmarks that
 * point at the parts, and page numbers that run through the whole file. pdf-lib works on the PDF
 * Chromium printed, so its structure tree (the tags) stays as it is; pages merged in from other
 * files keep their content but not their own tags.
 */

/** One bookmark: its title, the page it opens, and bookmarks below it (closed by default). */
export interface OutlineEntry {
  title: string;
  page: PDFRef;
  children?: readonly OutlineEntry[];
}

/**
 * The pages the top-level bookmarks of a PDF point at, in order. Chromium (page.pdf with
 * `outline: true`) writes a bookmark per heading, nested by level, as `[page /XYZ x y zoom]`
 * destinations: with one h1 per part, the top level is where each part starts.
 */
export function topLevelOutlinePages(doc: PDFDocument): PDFRef[] {
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const pages: PDFRef[] = [];
  let item = outlines?.lookupMaybe(PDFName.of('First'), PDFDict);
  const seen = new Set<PDFDict>();
  while (item && !seen.has(item)) {
    seen.add(item);
    const dest = item.lookupMaybe(PDFName.of('Dest'), PDFArray);
    const page = dest?.get(0);
    if (page instanceof PDFRef) pages.push(page);
    item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
  }
  return pages;
}

/**
 * Replaces the document's bookmarks with these, and asks viewers to open the bookmarks panel.
 * Titles are written as UTF-16 text strings, so Norwegian letters survive in every viewer.
 */
export function writeOutline(doc: PDFDocument, entries: readonly OutlineEntry[]): void {
  const context = doc.context;
  const root = context.obj({ Type: 'Outlines' });
  const rootRef = context.register(root);
  const level = (parentRef: PDFRef, parent: PDFDict, items: readonly OutlineEntry[], open: boolean): void => {
    const refs = items.map(() => context.nextRef());
    items.forEach((entry, i) => {
      const page = doc.getPages().find((p) => p.ref === entry.page);
      const top = page ? page.getHeight() : 842;
      const dict = context.obj({});
      dict.set(PDFName.of('Title'), PDFHexString.fromText(entry.title));
      dict.set(PDFName.of('Parent'), parentRef);
      dict.set(PDFName.of('Dest'), context.obj([entry.page, PDFName.of('XYZ'), null, top, null]));
      if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]!);
      if (i < items.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]!);
      if (entry.children?.length) level(refs[i]!, dict, entry.children, false);
      context.assign(refs[i]!, dict);
    });
    if (refs.length) {
      parent.set(PDFName.of('First'), refs[0]!);
      parent.set(PDFName.of('Last'), refs[refs.length - 1]!);
      // Open: the number of visible entries below; closed: minus the number of children.
      parent.set(PDFName.of('Count'), PDFNumber.of(open ? refs.length : -refs.length));
    }
  };
  level(rootRef, root, entries, true);
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/**
 * Where the number goes: the right end of the running footer line (pdf-renderer: 20 mm side
 * margin); the baseline as Chromium sets the footer's text, measured with pdftotext -bbox.
 */
const SIDE = (20 / 25.4) * 72;
const BASELINE = 39.5;
const SIZE = 7.5;
const GREY = rgb(0x44 / 255, 0x44 / 255, 0x44 / 255);

/** "Side 7 av 23". */
export function pageLabel(page: number, total: number): string {
  return `Side ${page} av ${total}`;
}

/**
 * Writes "Side X av N" at the right of the footer on every page, counting through the whole file.
 * The number is marked as a pagination artifact, so screen readers skip it as they skip Chromium's
 * running header and footer. On `foreign` pages (merged from other files) it gets a white backdrop:
 * their own content may reach into the margin.
 */
export async function numberPages(doc: PDFDocument, foreign: ReadonlySet<PDFRef> = new Set()): Promise<void> {
  const font: PDFFont = await doc.embedFont(StandardFonts.Helvetica);
  const pages = doc.getPages();
  pages.forEach((page, index) => {
    isolate(doc, page);
    const text = pageLabel(index + 1, pages.length);
    const width = font.widthOfTextAtSize(text, SIZE);
    const box = page.getMediaBox();
    const x = box.x + box.width - SIDE - width;
    const y = box.y + BASELINE;
    page.pushOperators(beginMarkedContent('Artifact'));
    if (foreign.has(page.ref)) page.drawRectangle({ x: x - 3, y: y - 3, width: width + 6, height: SIZE + 5, color: rgb(1, 1, 1) });
    page.drawText(text, { x, y, size: SIZE, font, color: GREY });
    page.pushOperators(endMarkedContent());
  });
}

/** Wraps a page's existing content in q … Q, so whatever graphics state it leaves does not move what is drawn after it. */
function isolate(doc: PDFDocument, page: PDFPage): void {
  const start = doc.context.register(PDFContentStream.of(doc.context.obj({}), [pushGraphicsState()]));
  const end = doc.context.register(PDFContentStream.of(doc.context.obj({}), [popGraphicsState()]));
  page.node.normalize();
  page.node.wrapContentStreams(start, end);
}
