import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ReaderDocument } from '@sekretariat/contracts';
import { errorMessageKey } from '../core/api/api-error';
import { LanguageService } from '../core/i18n/language.service';
import { TranslatedTitleStrategy } from '../core/routing/translated-title-strategy';
import { LoadState } from '../shared/load-state';
import { NotesPanel, type NoteTarget } from './notes-panel';
import { ReaderSync } from './offline/reader-sync';
import { PdfViewer } from './pdf/pdf-viewer';
import { ReaderApi } from './reader-api';
import { documentView, fileSize, neighbours, paragraphs } from './reader-papers';
import { SyncStatus } from './sync-status';

/** The case presentation's parts, summary first (the order officials read in). */
const SECTIONS = ['summary', 'background', 'assessment', 'recommendation'] as const;

/**
 * `/lesesal/:meetingId/sak/:itemId`: one agenda item — its saksframlegg, its documents (a PDF in
 * the viewer), notes, "mark as read" and previous/next item. `?dokument=<id>` opens a document.
 */
@Component({
  selector: 'app-reader-item-page',
  imports: [RouterLink, TranslocoPipe, LoadState, SyncStatus, PdfViewer, NotesPanel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './reader-item-page.html',
  styleUrl: './reader.css',
  host: { '(document:keydown)': 'shortcut($event)' },
})
export class ReaderItemPage {
  readonly meetingId = input.required<string>();
  readonly itemId = input.required<string>();
  /** Query parameter: the document open in the viewer. */
  readonly dokument = input<string>();

  private readonly api = inject(ReaderApi);
  private readonly sync = inject(ReaderSync);
  private readonly router = inject(Router);
  private readonly language = inject(LanguageService);
  private readonly titles = inject(TranslatedTitleStrategy);

  protected readonly sections = SECTIONS;
  protected readonly paragraphs = paragraphs;
  protected readonly documentView = documentView;

  protected readonly meeting = rxResource({
    params: () => this.meetingId(),
    stream: ({ params }) => this.api.meeting(params),
  });
  protected readonly annotations = rxResource({
    params: () => this.meetingId(),
    stream: ({ params }) => this.api.annotations(params),
  });
  protected readonly annotationList = computed(() =>
    this.annotations.hasValue() ? this.annotations.value().items : [],
  );

  protected readonly item = computed(() =>
    this.meeting.hasValue()
      ? (this.meeting.value().items.find((i) => i.id === this.itemId()) ?? null)
      : null,
  );
  protected readonly around = computed(() =>
    this.meeting.hasValue() ? neighbours(this.meeting.value(), this.itemId()) : null,
  );
  protected readonly document = computed<ReaderDocument | null>(() => {
    const id = this.dokument();
    return this.item()?.documents.find((d) => d.id === id && !d.withheld) ?? null;
  });
  protected readonly noteTarget = computed<NoteTarget>(() => {
    const document = this.document();
    return document
      ? { documentId: document.id, agendaItemId: null }
      : { documentId: null, agendaItemId: this.itemId() };
  });

  /** The read state after "Marker som lest" (until the meeting is loaded again). */
  private readonly readOverride = signal<{ itemId: string; read: boolean } | null>(null);
  protected readonly read = computed(() => {
    const override = this.readOverride();
    if (override?.itemId === this.itemId()) return override.read;
    return this.sync.queuedRead('item', this.itemId()) ?? this.item()?.read ?? false;
  });
  /** The item's read mark waits in the outbox for the network. */
  protected readonly readPending = computed(
    () => this.sync.queuedRead('item', this.itemId()) !== undefined,
  );
  protected readonly marking = signal(false);
  protected readonly readMessage = signal<string | null>(null);
  protected readonly readError = signal<string | null>(null);

  /** Documents marked read or unread on this page (until the meeting is loaded again). */
  private readonly documentReadOverrides = signal<ReadonlyMap<string, boolean>>(new Map());
  protected readonly documentRead = computed(() => {
    const document = this.document();
    if (!document) return false;
    return (
      this.documentReadOverrides().get(document.id) ??
      this.sync.queuedRead('document', document.id) ??
      document.read
    );
  });
  protected readonly documentReadPending = computed(() => {
    const document = this.document();
    return !!document && this.sync.queuedRead('document', document.id) !== undefined;
  });

  protected readonly viewerPage = signal<number | null>(null);
  protected readonly viewer = viewChild(PdfViewer);

  constructor() {
    effect(() => {
      const item = this.item();
      this.titles.setDetail(item ? `${item.number} ${item.title}` : null);
    });
    // A new document or item: no page or messages from the previous one.
    effect(() => {
      const document = this.document();
      this.itemId();
      untracked(() => {
        this.viewerPage.set(document && documentView(document) === 'pdf' ? 1 : null);
        this.readMessage.set(null);
        this.readError.set(null);
      });
    });
  }

  protected size(document: ReaderDocument): string {
    return fileSize(document.size, this.language.locale());
  }

  protected documentUrl(document: ReaderDocument): string {
    return this.api.documentUrl(document.id);
  }

  protected notesChanged(): void {
    if (this.sync.isOnline()) this.annotations.reload();
  }

  protected async toggleRead(): Promise<void> {
    const itemId = this.itemId();
    const read = !this.read();
    this.marking.set(true);
    this.readError.set(null);
    try {
      const outcome = await this.sync.markRead('item', itemId, read);
      this.readOverride.set({ itemId, read });
      this.readMessage.set(
        `reader.item.marked${read ? 'Read' : 'Unread'}${outcome === 'queued' ? 'Queued' : ''}`,
      );
    } catch (error) {
      this.readError.set(errorMessageKey(error));
    } finally {
      this.marking.set(false);
    }
  }

  protected async toggleDocumentRead(document: ReaderDocument): Promise<void> {
    const read = !this.documentRead();
    this.marking.set(true);
    this.readError.set(null);
    try {
      const outcome = await this.sync.markRead('document', document.id, read);
      this.documentReadOverrides.update((overrides) => new Map(overrides).set(document.id, read));
      this.readMessage.set(
        `reader.document.marked${read ? 'Read' : 'Unread'}${outcome === 'queued' ? 'Queued' : ''}`,
      );
    } catch (error) {
      this.readError.set(errorMessageKey(error));
    } finally {
      this.marking.set(false);
    }
  }

  /** Alt+← / Alt+→: previous / next item (not while typing). Documented on the page. */
  protected shortcut(event: KeyboardEvent): void {
    if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const target = event.target as HTMLElement | null;
    if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
    const around = this.around();
    const to = event.key === 'ArrowLeft' ? around?.previous : around?.next;
    if (!to) return;
    event.preventDefault();
    void this.router.navigate(['/lesesal', this.meetingId(), 'sak', to.id]);
  }
}
