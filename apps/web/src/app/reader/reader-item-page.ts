import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
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
import { documentView, fileSize, neighbours, paragraphs, shortcutStep } from './reader-papers';
import type { OutboxEntry } from './offline/outbox';
import { withPending } from './offline/pending-annotations';
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

  /** The meeting's item list (for previous/next); the item itself comes in full on its own. */
  protected readonly meeting = rxResource({
    params: () => this.meetingId(),
    stream: ({ params }) => this.api.meeting(params),
  });
  protected readonly itemResource = rxResource({
    params: () => this.itemId(),
    stream: ({ params }) => this.api.item(params),
  });
  protected readonly annotations = rxResource({
    params: () => this.meetingId(),
    stream: ({ params }) => this.api.annotations(params),
  });
  protected readonly annotationList = computed(() =>
    this.annotations.hasValue() ? this.annotations.value().items : [],
  );
  /** The notes with the changes still waiting on this device, for the highlights drawn on the PDF. */
  private readonly pending = signal<readonly OutboxEntry[]>([]);
  protected readonly highlights = computed(() => {
    const documentId = this.document()?.id;
    const mine = this.sync.user()?.displayName ?? '';
    return withPending(this.annotationList(), this.pending(), mine).filter(
      (note) => note.documentId === documentId && note.rects.length > 0,
    );
  });

  protected readonly item = computed(() => {
    if (!this.itemResource.hasValue()) return null;
    const item = this.itemResource.value();
    return item.id === this.itemId() && item.meetingId === this.meetingId() ? item : null;
  });
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

  protected readonly viewerPage = signal<number | null>(null);
  protected readonly viewer = viewChild(PdfViewer);
  /** Touch screens have no keys to press: the shortcut hint is for keyboards only. */
  protected readonly keyboardHint =
    inject(DOCUMENT).defaultView?.matchMedia?.('(hover: hover) and (pointer: fine)').matches ?? true;

  constructor() {
    effect(() => {
      const item = this.item();
      this.titles.setDetail(item ? `${item.number} ${item.title}` : null);
    });
    effect(() => {
      this.sync.changes();
      void this.sync.pending().then((entries) => {
        this.pending.set(entries);
      });
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

  /**
   * `[` or `k`: previous item, `]` or `j`: next item — keys the browser does not use, so Back
   * (Alt+←) stays the browser's. Not while typing, nor with a modifier (Ctrl+F etc.).
   */
  protected shortcut(event: KeyboardEvent): void {
    const step = shortcutStep(event);
    if (step === 0) return;
    const around = this.around();
    const to = step < 0 ? around?.previous : around?.next;
    if (!to) return;
    event.preventDefault();
    void this.router.navigate(['/lesesal', this.meetingId(), 'sak', to.id]);
  }
}
