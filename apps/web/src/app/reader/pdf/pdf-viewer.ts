import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  DestroyRef,
  ElementRef,
  ViewEncapsulation,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { HighlightRect } from '@sekretariat/contracts';
import type { PDFDocumentProxy, RenderTask, TextLayer } from 'pdfjs-dist';
import { rectStyle, toHighlightRects } from './highlight-rects';
import { clampPage, fitWidth, stepZoom } from './zoom';

/** A highlight to draw on its page (the notes list tells its text; the marks are decoration). */
export interface PageHighlight {
  readonly id: string;
  readonly page: number | null;
  readonly rects: readonly HighlightRect[];
  readonly shared: 'private' | 'group';
  readonly mine: boolean;
}

type PdfJs = typeof import('pdfjs-dist');

/** CSS pixels per PDF point (PDF pages are measured in 1/72 inch). */
const CSS_UNITS = 96 / 72;

let pdfjsLoading: Promise<PdfJs> | null = null;
let viewerCount = 0;

/** pdf.js, loaded when the first PDF is opened, with its worker (pdf.worker.ts, bundled by the build). */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsLoading ??= import('pdfjs-dist').then((pdfjs) => {
    pdfjs.GlobalWorkerOptions.workerPort = new Worker(new URL('./pdf.worker', import.meta.url), {
      type: 'module',
    });
    return pdfjs;
  });
  return pdfjsLoading;
}

/** Loads pdf.js and its worker ahead of use, so that they are cached for reading offline. */
export async function preloadPdfJs(): Promise<void> {
  await loadPdfJs();
}

/**
 * A PDF in the page: one page at a time drawn on a canvas, with pdf.js's text layer on top so the
 * text can be selected, searched (Ctrl+F) and read by screen readers, and the reader's highlights
 * between them (percent of the page, so they follow the zoom). Page navigation and zoom
 * are buttons (no key shortcuts that could clash with a screen reader's).
 */
@Component({
  selector: 'app-pdf-viewer',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // The text layer's spans are made by pdf.js, outside Angular's style scoping.
  encapsulation: ViewEncapsulation.None,
  templateUrl: './pdf-viewer.html',
  styleUrl: './pdf-viewer.css',
})
export class PdfViewer {
  /** Where the PDF's bytes are (fetched with the session cookie; the service worker caches them). */
  readonly src = input.required<string>();
  readonly title = input.required<string>();
  /** The page shown, 1-based: for notes on a page. */
  readonly pageChange = output<number>();
  /** Highlights on this document, drawn on their pages. */
  readonly highlights = input<readonly PageHighlight[]>([]);

  private readonly document = inject(DOCUMENT);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly canvas = viewChild<ElementRef<HTMLCanvasElement>>('canvas');
  private readonly textLayerHost = viewChild<ElementRef<HTMLDivElement>>('textLayer');
  private readonly frame = viewChild<ElementRef<HTMLDivElement>>('frame');

  protected readonly pageInputId = `pdf-page-${String(++viewerCount)}`;
  protected readonly pdf = signal<PDFDocumentProxy | null>(null);
  protected readonly state = signal<'loading' | 'ready' | 'failed'>('loading');
  protected readonly page = signal(1);
  protected readonly pageCount = computed(() => this.pdf()?.numPages ?? 0);
  /** Null: fit the page to the width available. */
  protected readonly zoom = signal<number | null>(null);
  protected readonly shownZoom = signal(1);
  protected readonly zoomPercent = computed(() => Math.round(this.shownZoom() * 100));
  protected readonly pageHighlights = computed(() =>
    this.highlights().filter((h) => h.page === this.page() && h.rects.length > 0),
  );
  protected readonly rectStyle = rectStyle;

  private renderTask: RenderTask | null = null;
  private textLayer: TextLayer | null = null;
  private renderVersion = 0;

  constructor() {
    effect((onCleanup) => {
      const src = this.src();
      let cancelled = false;
      onCleanup(() => {
        cancelled = true;
      });
      untracked(() => {
        void this.open(src, () => cancelled);
      });
    });
    effect(() => {
      const pdf = this.pdf();
      const page = this.page();
      const zoom = this.zoom();
      if (pdf) {
        untracked(() => {
          void this.render(pdf, page, zoom);
        });
      }
    });
    const onSelection = () => {
      const selection = this.document.getSelection();
      if (!selection || selection.isCollapsed || !selection.anchorNode) return;
      if (this.host.nativeElement.contains(selection.anchorNode)) {
        this.selection.set(selection.toString().replace(/\s+/g, ' ').trim().slice(0, 5000));
        const frame = this.frame()?.nativeElement;
        const boxes = selection.rangeCount > 0 ? [...selection.getRangeAt(0).getClientRects()] : [];
        this.selectionRects.set(
          frame ? { page: this.page(), rects: toHighlightRects(boxes, frame.getBoundingClientRect()) } : null,
        );
      }
    };
    this.document.addEventListener('selectionchange', onSelection);
    inject(DestroyRef).onDestroy(() => {
      this.document.removeEventListener('selectionchange', onSelection);
      this.cancelRender();
      void this.pdf()?.loadingTask.destroy();
    });
  }

  /**
   * The text last selected inside the document, for quoting in a note. Kept after the selection
   * moves elsewhere (e.g. focus goes to the note's button), until something else is selected in it.
   */
  readonly selection = signal('');
  /** Where the selected text lies on its page, for keeping it as a highlight (null: nothing selected in a page). */
  readonly selectionRects = signal<{ page: number; rects: HighlightRect[] } | null>(null);

  currentPage(): number {
    return this.page();
  }

  protected goTo(page: number): void {
    const next = clampPage(page, this.pageCount());
    if (next !== this.page()) {
      this.selection.set('');
      this.selectionRects.set(null);
      this.page.set(next);
      this.pageChange.emit(next);
    }
  }

  protected pageInput(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.goTo(Number(input.value));
    input.value = String(this.page());
  }

  protected zoomBy(direction: 1 | -1): void {
    this.zoom.set(stepZoom(this.shownZoom(), direction));
  }

  protected fit(): void {
    this.zoom.set(null);
  }

  private async open(src: string, cancelled: () => boolean): Promise<void> {
    this.state.set('loading');
    this.cancelRender();
    const previous = this.pdf();
    this.pdf.set(null);
    void previous?.loadingTask.destroy();
    try {
      const pdfjs = await loadPdfJs();
      // Whole bytes rather than range requests: the service worker can only cache complete answers.
      const response = await fetch(src, { credentials: 'same-origin' });
      if (!response.ok) throw new Error(`HTTP ${String(response.status)}`);
      const data = new Uint8Array(await response.arrayBuffer());
      const pdf = await pdfjs.getDocument({ data }).promise;
      if (cancelled()) {
        void pdf.loadingTask.destroy();
        return;
      }
      this.page.set(1);
      this.selection.set('');
      this.selectionRects.set(null);
      this.pdf.set(pdf);
      this.pageChange.emit(1);
    } catch (error) {
      if (!cancelled()) {
        console.warn('PDF could not be shown', error);
        this.state.set('failed');
      }
    }
  }

  private async render(
    pdf: PDFDocumentProxy,
    pageNumber: number,
    zoom: number | null,
  ): Promise<void> {
    const version = ++this.renderVersion;
    this.cancelRender();
    const canvas = this.canvas()?.nativeElement;
    const textHost = this.textLayerHost()?.nativeElement;
    const frame = this.frame()?.nativeElement;
    if (!canvas || !textHost || !frame) return;
    try {
      const pdfjs = await loadPdfJs();
      const page = await pdf.getPage(pageNumber);
      if (version !== this.renderVersion) return;
      const natural = page.getViewport({ scale: CSS_UNITS });
      const scale = zoom ?? fitWidth(this.host.nativeElement.clientWidth - 4, natural.width);
      this.shownZoom.set(scale);
      const viewport = page.getViewport({ scale: scale * CSS_UNITS });
      const ratio = this.document.defaultView?.devicePixelRatio ?? 1;
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      canvas.style.width = `${String(Math.floor(viewport.width))}px`;
      canvas.style.height = `${String(Math.floor(viewport.height))}px`;
      frame.style.setProperty('--total-scale-factor', String(viewport.scale));
      frame.style.width = canvas.style.width;
      frame.style.height = canvas.style.height;
      this.renderTask = page.render({
        canvas,
        viewport,
        transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
      });
      textHost.replaceChildren();
      this.textLayer = new pdfjs.TextLayer({
        textContentSource: page.streamTextContent(),
        container: textHost,
        viewport,
      });
      await Promise.all([this.renderTask.promise, this.textLayer.render()]);
      if (version === this.renderVersion) this.state.set('ready');
    } catch (error) {
      if (error instanceof Error && error.name === 'RenderingCancelledException') return;
      if (version === this.renderVersion) {
        console.warn('PDF page could not be drawn', error);
        this.state.set('failed');
      }
    }
  }

  private cancelRender(): void {
    this.renderTask?.cancel();
    this.renderTask = null;
    this.textLayer?.cancel();
    this.textLayer = null;
  }
}
