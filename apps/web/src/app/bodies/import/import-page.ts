import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  Injector,
  PendingTasks,
  afterNextRender,
  computed,
  inject,
  signal,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ImportProblem, ImportReport } from '@sekretariat/contracts';
import { firstValueFrom } from 'rxjs';
import { ApiError } from '../../core/api/api-error';
import { type FormProblem, problemsFromError } from '../../shared/form-problems';
import { ProblemText } from '../../shared/problem-text';
import { ScrollRegion } from '../../shared/scroll-region';
import { BodiesApi } from '../bodies-api';
import { IMPORT_COLUMNS, IMPORT_HEADER, ImportApi } from './import-api';

/** A body the import changed, with a link when the register knows its id. */
export interface ImportedBody {
  readonly name: string;
  readonly id: string | null;
}

const EXAMPLE_ROWS = [
  'Eldrerådet;medlem;;Åse;Ødegård;K;Ap;leder;01.10.2023;;ase@example.org;',
  'Eldrerådet;vara;1;Håkon;Sørli;M;Ap;;01.10.2023;;;',
];

/**
 * A real run that finds problems answers 400 IMPORT_INVALID with fields like
 * `{ path: 'linje 6, varanr' }`: the same problems as a dry run, in another shape.
 */
export function problemsFromImportError(error: unknown): ImportProblem[] | null {
  if (!(error instanceof ApiError) || error.code !== 'IMPORT_INVALID') return null;
  return error.fields.map((field) => {
    const match = /^linje (\d+)(?:, (.+))?$/.exec(field.path);
    return {
      line: match ? Number(match[1]) : 0,
      field: match?.[2] ?? null,
      message: field.message,
    };
  });
}

/**
 * Editors: import members and substitutes from the election result (docs/import-format.md).
 * Check first (a dry run reports every problem by line and field), then import the same
 * file; a new file must be checked again.
 */
@Component({
  selector: 'app-import-page',
  imports: [RouterLink, TranslocoPipe, ProblemText, ScrollRegion],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './import-page.html',
  styleUrl: './import-page.css',
})
export class ImportPage {
  private readonly importApi = inject(ImportApi);
  private readonly bodiesApi = inject(BodiesApi);
  private readonly pendingTasks = inject(PendingTasks);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);

  protected readonly columns = IMPORT_COLUMNS;
  protected readonly header = IMPORT_HEADER;
  protected readonly templateHref = `data:text/csv;charset=utf-8,${encodeURIComponent(
    `\uFEFF${[IMPORT_HEADER, ...EXAMPLE_ROWS].join('\r\n')}\r\n`,
  )}`;

  protected readonly file = signal<File | null>(null);
  /** The file whose dry run found no problems: the only one that may be imported. */
  private readonly checkedFile = signal<File | null>(null);
  protected readonly busy = signal<'check' | 'run' | null>(null);
  /** The last dry run's report. */
  protected readonly report = signal<ImportReport | null>(null);
  /** Problems by line: from the dry run, or from a real run that the server refused. */
  protected readonly lineProblems = signal<readonly ImportProblem[]>([]);
  /** A failure that is not about the file's lines (network, rights, empty file). */
  protected readonly failure = signal<FormProblem | null>(null);
  protected readonly done = signal<{ report: ImportReport; bodies: ImportedBody[] } | null>(null);
  protected readonly copied = signal(false);

  protected readonly canRun = computed(
    () => this.file() !== null && this.file() === this.checkedFile() && this.busy() === null,
  );

  protected chooseFile(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.file.set(input.files?.[0] ?? null);
    this.checkedFile.set(null);
    this.report.set(null);
    this.lineProblems.set([]);
    this.failure.set(null);
    this.done.set(null);
  }

  protected check(): void {
    this.pendingTasks.run(() => this.send(true));
  }

  protected run(): void {
    this.pendingTasks.run(() => this.send(false));
  }

  protected async copyHeader(): Promise<void> {
    try {
      await this.document.defaultView?.navigator.clipboard.writeText(IMPORT_HEADER);
      this.copied.set(true);
    } catch {
      // No clipboard (permissions, old browser): the line is on the page to select by hand.
      this.copied.set(false);
    }
  }

  private async send(dryRun: boolean): Promise<void> {
    const file = this.file();
    if (!file || this.busy()) {
      if (!file) {
        this.failure.set({ field: 'import-file', messageKey: 'import.chooseFileFirst' });
        this.focusResult();
      }
      return;
    }
    this.busy.set(dryRun ? 'check' : 'run');
    this.failure.set(null);
    this.done.set(null);
    if (dryRun) {
      this.report.set(null);
      this.lineProblems.set([]);
    }
    try {
      const report = await firstValueFrom(this.importApi.run(file, dryRun));
      if (dryRun) {
        this.report.set(report);
        this.lineProblems.set(report.problems);
        this.checkedFile.set(report.ok ? file : null);
      } else {
        this.checkedFile.set(null);
        this.report.set(null);
        this.done.set({ report, bodies: await this.affectedBodies(report.summary.bodies) });
      }
    } catch (error) {
      const problems = problemsFromImportError(error);
      this.checkedFile.set(null);
      if (problems) {
        this.lineProblems.set(problems);
      } else {
        this.failure.set(problemsFromError(error)[0] ?? null);
      }
    } finally {
      this.busy.set(null);
    }
    this.focusResult();
  }

  /** The report names the bodies; look up their ids for links. */
  private async affectedBodies(names: readonly string[]): Promise<ImportedBody[]> {
    try {
      const { items } = await firstValueFrom(this.bodiesApi.list('staff'));
      return names.map((name) => ({
        name,
        id: items.find((b) => b.name.toLowerCase() === name.toLowerCase())?.id ?? null,
      }));
    } catch {
      return names.map((name) => ({ name, id: null }));
    }
  }

  /** The result replaces what was there: move focus to it so that it is read first. */
  private focusResult(): void {
    afterNextRender(
      () => {
        this.document.querySelector<HTMLElement>('[data-import-result]')?.focus();
      },
      { injector: this.injector },
    );
  }
}
