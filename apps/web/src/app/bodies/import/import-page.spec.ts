import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ImportReport } from '@sekretariat/contracts';
import { BODY_ID } from '../../../testing/fixtures';
import { translocoTesting } from '../../../testing/i18n-testing';
import { ApiError } from '../../core/api/api-error';
import { apiInterceptor } from '../../core/api/api.interceptor';
import { ImportPage, problemsFromImportError } from './import-page';

const BAD: ImportReport = {
  dryRun: true,
  ok: false,
  encoding: 'windows-1252',
  rows: 3,
  problems: [
    { line: 3, field: 'varanr', message: 'Varamedlemmer må ha et nummer (1, 2, 3 …).' },
    { line: 4, field: null, message: 'Linjen har 5 felt, men overskriften har 12.' },
  ],
  summary: { people: 1, memberships: 1, bodies: ['Ungdomsrådet'] },
};

const GOOD: ImportReport = {
  dryRun: true,
  ok: true,
  encoding: 'utf-8',
  rows: 8,
  problems: [],
  summary: { people: 8, memberships: 8, bodies: ['Ungdomsrådet'] },
};

describe('ImportPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<ImportPage>;
  let element: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [ImportPage, translocoTesting()],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ImportPage);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => {
    http.verify();
  });

  function chooseFile(name: string, content: string): File {
    const file = new File([content], name, { type: 'text/csv' });
    const input = element.querySelector<HTMLInputElement>('#import-file');
    if (!input) throw new Error('#import-file missing');
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    TestBed.tick();
    return file;
  }

  function runButton(): HTMLButtonElement {
    const button = element.querySelector<HTMLButtonElement>('[data-testid="import-run"]');
    if (!button) throw new Error('import-run missing');
    return button;
  }

  function click(testId: string): void {
    element.querySelector<HTMLButtonElement>(`[data-testid="${testId}"]`)?.click();
    TestBed.tick();
  }

  function problemRows(): string[][] {
    return [...element.querySelectorAll('[data-testid="import-problems"] tbody tr')].map((row) =>
      [...row.querySelectorAll('td')].map((cell) => cell.textContent.trim()),
    );
  }

  it('explains the format with the header line to copy and the file input for CSV', () => {
    expect(element.querySelector('[data-testid="import-header"]')?.textContent).toBe(
      'organ;medlemstype;varanr;fornavn;etternavn;kjønn;parti;rolle;fra;til;epost;telefon',
    );
    const input = element.querySelector('#import-file');
    expect(input?.getAttribute('accept')).toBe('.csv,text/csv');
    expect(element.querySelector('label[for="import-file"]')?.textContent).toContain('CSV-fil');
    expect(runButton().disabled).toBe(true);
  });

  it('checks the file with a dry run and lists its problems by line; import stays off', async () => {
    const file = chooseFile('feil.csv', 'organ;medlemstype\n');
    click('import-check');
    const request = http.expectOne((r) => r.url === '/api/register/import');
    expect(request.request.method).toBe('POST');
    expect(request.request.params.get('dryRun')).toBe('true');
    expect(request.request.headers.get('Content-Type')).toBe('text/csv');
    expect(request.request.body).toBe(file);
    request.flush(BAD);
    await fixture.whenStable();

    const summary = element.querySelector('[data-testid="import-summary"]');
    expect(summary?.textContent).toContain('Fila har 2 feil');
    expect(summary?.textContent).toContain('Windows-1252');
    expect(problemRows()).toEqual([
      ['3', 'varanr', 'Varamedlemmer må ha et nummer (1, 2, 3 …).'],
      ['4', 'Hele linja', 'Linjen har 5 felt, men overskriften har 12.'],
    ]);
    expect(runButton().disabled).toBe(true);
  });

  it('allows importing only the file whose dry run was clean, then links to the bodies', async () => {
    const file = chooseFile('medlemmer.csv', 'organ;...\n');
    click('import-check');
    http.expectOne((r) => r.url === '/api/register/import').flush(GOOD);
    await fixture.whenStable();
    expect(element.querySelector('[data-testid="import-summary"]')?.textContent).toContain(
      'Fila er i orden',
    );
    expect(element.querySelector('[data-testid="import-problems"]')).toBeNull();
    expect(runButton().disabled).toBe(false);

    // Another file must be checked again.
    chooseFile('annen.csv', 'x');
    expect(runButton().disabled).toBe(true);
    const again = chooseFile('medlemmer.csv', 'organ;...\n');
    expect(again).not.toBe(file);
    click('import-check');
    http.expectOne((r) => r.url === '/api/register/import').flush(GOOD);
    await fixture.whenStable();

    click('import-run');
    const run = http.expectOne((r) => r.url === '/api/register/import');
    expect(run.request.params.get('dryRun')).toBe('false');
    expect(run.request.body).toBe(again);
    run.flush({ ...GOOD, dryRun: false });
    await new Promise((resolve) => setTimeout(resolve));
    http.expectOne('/api/bodies').flush({
      items: [
        {
          id: BODY_ID,
          name: 'Ungdomsrådet',
          kind: 'ungdomsraad',
          seats: 5,
          termFrom: '2023-10-01',
          termTo: '2027-09-30',
          memberCount: 5,
        },
      ],
    });
    await fixture.whenStable();

    const done = element.querySelector('[data-testid="import-done"]');
    expect(done?.textContent).toContain('8 verv er lagt inn');
    expect(done?.querySelector('a')?.getAttribute('href')).toBe(`/organer/${BODY_ID}`);
    expect(runButton().disabled).toBe(true);
  });

  it('shows the problems of a real run the server refused', () => {
    expect(
      problemsFromImportError(
        new ApiError(400, 'IMPORT_INVALID', 'Filen har 2 feil.', [
          { path: 'linje 6, varanr', message: 'Mangler verdi.' },
          { path: 'linje 1', message: 'Feil overskriftslinje.' },
        ]),
      ),
    ).toEqual([
      { line: 6, field: 'varanr', message: 'Mangler verdi.' },
      { line: 1, field: null, message: 'Feil overskriftslinje.' },
    ]);
    expect(problemsFromImportError(new ApiError(403, 'FORBIDDEN', ''))).toBeNull();
  });

  it('asks for a file before checking', async () => {
    click('import-check');
    await fixture.whenStable();
    expect(element.querySelector('[data-import-result]')?.textContent).toContain(
      'Velg en fil først.',
    );
    http.expectNone((r) => r.url === '/api/register/import');
  });
});
