import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type {
  Annotation,
  AnnotationSharing,
  AnnotationUpsertInput,
  HighlightRect,
} from '@sekretariat/contracts';
import { errorMessageKey } from '../core/api/api-error';
import { newId } from './new-id';
import type { OutboxEntry } from './offline/outbox';
import { type ShownAnnotation, withPending } from './offline/pending-annotations';
import { ReaderSync } from './offline/reader-sync';

/** What the notes are about: a document, or the agenda item itself. */
export interface NoteTarget {
  readonly documentId: string | null;
  readonly agendaItemId: string | null;
}

/**
 * Personal notes on a document or item: add (optionally at the current page, quoting the selected
 * text), edit, delete, share with the party group. Group members' shared notes show their author.
 * Saving goes through ReaderSync: at once when online, queued on the device when not.
 */
@Component({
  selector: 'app-notes-panel',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './notes-panel.html',
  styleUrl: './reader.css',
})
export class NotesPanel {
  readonly target = input.required<NoteTarget>();
  readonly annotations = input.required<readonly Annotation[]>();
  /** The page shown in the viewer (null when not a paged document). */
  readonly page = input<number | null>(null);
  /** Text selected in the document, offered as the note's quote. */
  readonly selection = input('');
  /** Where the selection lies on its PDF page: offered as a highlight. */
  readonly selectionRects = input<{ page: number; rects: readonly HighlightRect[] } | null>(null);
  /** A note was saved or deleted: the page loads the notes again. */
  readonly changed = output();

  private readonly sync = inject(ReaderSync);

  private readonly pending = signal<readonly OutboxEntry[]>([]);
  protected readonly notes = computed<ShownAnnotation[]>(() => {
    const target = this.target();
    const mine = this.sync.user()?.displayName ?? '';
    return withPending(this.annotations(), this.pending(), mine).filter(
      (note) => note.documentId === target.documentId && note.agendaItemId === target.agendaItemId,
    );
  });

  protected readonly draft = signal('');
  /** A note is tied to the page shown only when the user asks (highlights always are). */
  protected readonly atPage = signal(false);
  protected readonly quote = signal('');
  protected readonly shareDraft = signal(false);
  protected readonly editing = signal<string | null>(null);
  protected readonly editText = signal('');
  protected readonly editShared = signal(false);
  protected readonly busy = signal(false);
  protected readonly errorKey = signal<string | null>(null);

  constructor() {
    effect(() => {
      this.sync.changes();
      void this.sync.pending().then((entries) => {
        this.pending.set(entries);
      });
    });
  }

  protected takeQuote(): void {
    this.quote.set(this.selection());
  }

  protected async add(event: Event): Promise<void> {
    event.preventDefault();
    const text = this.draft().trim();
    if (!text) {
      this.errorKey.set('reader.notes.empty');
      return;
    }
    const target = this.target();
    const page = this.page();
    const input: AnnotationUpsertInput = {
      documentId: target.documentId,
      agendaItemId: target.agendaItemId,
      page: page !== null && this.atPage() ? page : null,
      quote: this.quote(),
      text,
      shared: this.sharing(this.shareDraft()),
      rects: [],
      baseVersion: 0,
      updatedAt: new Date().toISOString(),
    };
    if (await this.run(() => this.sync.save(newId(), input))) {
      this.draft.set('');
      this.quote.set('');
    }
  }

  /** Keeps the selected text as a highlight on its page, with the draft (if any) as its note. */
  protected async highlight(): Promise<void> {
    const at = this.selectionRects();
    const target = this.target();
    const quote = this.selection();
    if (!at || at.rects.length === 0 || !target.documentId || !quote) return;
    const input: AnnotationUpsertInput = {
      documentId: target.documentId,
      agendaItemId: null,
      page: at.page,
      quote,
      text: this.draft().trim(),
      shared: this.sharing(this.shareDraft()),
      rects: [...at.rects],
      baseVersion: 0,
      updatedAt: new Date().toISOString(),
    };
    if (await this.run(() => this.sync.save(newId(), input))) {
      this.draft.set('');
      this.quote.set('');
    }
  }

  protected startEdit(note: ShownAnnotation): void {
    this.editing.set(note.id);
    this.editText.set(note.text);
    this.editShared.set(note.shared === 'group');
  }

  protected async saveEdit(note: ShownAnnotation): Promise<void> {
    const text = this.editText().trim();
    if (!text && note.rects.length === 0) {
      this.errorKey.set('reader.notes.empty');
      return;
    }
    const input: AnnotationUpsertInput = {
      documentId: note.documentId,
      agendaItemId: note.agendaItemId,
      page: note.page,
      quote: note.quote,
      text,
      shared: this.sharing(this.editShared()),
      rects: [...note.rects],
      baseVersion: note.version,
      updatedAt: new Date().toISOString(),
    };
    if (await this.run(() => this.sync.save(note.id, input))) this.editing.set(null);
  }

  protected async remove(note: ShownAnnotation): Promise<void> {
    await this.run(() => this.sync.remove(note.id, note.version));
  }

  protected checked(event: Event): boolean {
    return (event.target as HTMLInputElement).checked;
  }

  protected value(event: Event): string {
    return (event.target as HTMLTextAreaElement).value;
  }

  private sharing(shared: boolean): AnnotationSharing {
    return shared ? 'group' : 'private';
  }

  private async run(action: () => Promise<unknown>): Promise<boolean> {
    if (this.busy()) return false;
    this.busy.set(true);
    this.errorKey.set(null);
    try {
      await action();
      this.changed.emit();
      return true;
    } catch (error) {
      this.errorKey.set(errorMessageKey(error));
      return false;
    } finally {
      this.busy.set(false);
    }
  }
}
