import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  PendingTasks,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { CaseDocument } from '@sekretariat/contracts';
import { firstValueFrom } from 'rxjs';
import { SessionStore } from '../core/session/session-store';
import { LoadState } from '../shared/load-state';
import {
  type Refusal,
  acceptAttribute,
  formatSize,
  megabytes,
  refusalFrom,
  typeLabel,
} from './document-format';
import { DocumentsApi, documentContentUrl } from './documents-api';

/**
 * The documents (vedlegg) of a case: a list everyone on staff sees (exempt ones only with
 * access, decided by the API), and for the secretariat an upload form and delete buttons.
 * Embedded in the case page: `<app-case-documents [caseId]="id" />`.
 */
@Component({
  selector: 'app-case-documents',
  imports: [TranslocoPipe, LoadState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './case-documents.html',
  styleUrl: './documents.css',
})
export class CaseDocuments {
  private readonly api = inject(DocumentsApi);
  private readonly session = inject(SessionStore);
  private readonly pendingTasks = inject(PendingTasks);
  private readonly transloco = inject(TranslocoService);

  readonly caseId = input.required<string>();

  protected readonly documents = rxResource({
    params: () => this.caseId(),
    stream: ({ params: caseId }) => this.api.list(caseId),
  });
  protected readonly isEditor = this.session.isEditor;
  protected readonly accept = computed(() =>
    acceptAttribute(this.documents.value()?.acceptedTypes ?? []),
  );
  protected readonly typeNames = computed(() =>
    [...new Set((this.documents.value()?.acceptedTypes ?? []).map(typeLabel))].join(', '),
  );
  protected readonly maxMb = computed(() => megabytes(this.documents.value()?.maxBytes ?? 0));

  protected readonly title = signal('');
  protected readonly file = signal<File | null>(null);
  protected readonly exempt = signal(false);
  protected readonly legalGround = signal('');
  protected readonly sending = signal(false);
  protected readonly refusal = signal<Refusal | null>(null);
  protected readonly uploaded = signal<string | null>(null);
  private readonly fileInput = viewChild<ElementRef<HTMLInputElement>>('fileInput');
  private readonly refusalBox = viewChild<ElementRef<HTMLElement>>('refusalBox');

  protected readonly typeLabel = typeLabel;
  protected readonly formatSize = formatSize;
  protected readonly contentUrl = documentContentUrl;

  protected setTitle(event: Event): void {
    this.title.set((event.target as HTMLInputElement).value);
  }

  protected chooseFile(event: Event): void {
    const file = (event.target as HTMLInputElement).files?.[0] ?? null;
    this.file.set(file);
    this.refusal.set(null);
    if (!this.title() && file) this.title.set(file.name.replace(/\.[^.]+$/, ''));
  }

  protected setExempt(event: Event): void {
    this.exempt.set((event.target as HTMLInputElement).checked);
  }

  protected setLegalGround(event: Event): void {
    this.legalGround.set((event.target as HTMLSelectElement).value);
  }

  protected upload(event: Event): void {
    event.preventDefault();
    void this.pendingTasks.run(() => this.send());
  }

  /** Checks what the browser can know before sending; the API checks everything again. */
  protected localProblem(): Refusal | null {
    const file = this.file();
    const limits = this.documents.value();
    if (!file) return { key: 'documents.upload.chooseFile' };
    if (!this.title().trim()) return { key: 'documents.upload.titleMissing' };
    if (limits && file.size > limits.maxBytes) return { key: 'documents.upload.tooLarge' };
    if (this.exempt() && !this.legalGround()) return { key: 'documents.upload.groundMissing' };
    return null;
  }

  private async send(): Promise<void> {
    if (this.sending()) return;
    this.uploaded.set(null);
    const problem = this.localProblem();
    const file = this.file();
    if (problem || !file) {
      this.showRefusal(problem ?? { key: 'documents.upload.chooseFile' });
      return;
    }
    this.sending.set(true);
    this.refusal.set(null);
    try {
      const created = await firstValueFrom(
        this.api.upload(
          this.caseId(),
          {
            title: this.title().trim(),
            public: !this.exempt(),
            legalGround: this.legalGround() || null,
          },
          file,
        ),
      );
      this.uploaded.set(created.title);
      this.title.set('');
      this.file.set(null);
      this.exempt.set(false);
      this.legalGround.set('');
      const input = this.fileInput()?.nativeElement;
      if (input) input.value = '';
      this.documents.reload();
    } catch (error) {
      this.showRefusal(refusalFrom(error));
    } finally {
      this.sending.set(false);
    }
  }

  protected remove(document: CaseDocument): void {
    const question = this.transloco.translate('documents.list.confirmDelete', {
      title: document.title,
    });
    if (!window.confirm(question)) return;
    void this.pendingTasks.run(() => this.deleteNow(document));
  }

  private async deleteNow(document: CaseDocument): Promise<void> {
    this.refusal.set(null);
    try {
      await firstValueFrom(this.api.delete(document.id));
      this.documents.reload();
    } catch (error) {
      this.showRefusal(refusalFrom(error));
    }
  }

  private showRefusal(refusal: Refusal): void {
    this.refusal.set(refusal);
    // Move focus to the message so keyboard and screen reader users meet it at once.
    queueMicrotask(() => this.refusalBox()?.nativeElement.focus());
  }

  protected refusalText(refusal: Refusal): string | null {
    return 'text' in refusal ? refusal.text : null;
  }

  protected refusalKey(refusal: Refusal): string | null {
    return 'key' in refusal ? refusal.key : null;
  }
}
