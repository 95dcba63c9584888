import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { DocumentListResponse } from '@sekretariat/contracts';
import { translocoTesting } from '../../testing/i18n-testing';
import { apiInterceptor } from '../core/api/api.interceptor';
import { SessionStore } from '../core/session/session-store';
import { CaseDocuments } from './case-documents';

const CASE_ID = '5b0c8e1a-9d2f-4e3a-8b7c-6d5e4f3a2b1c';

const LIST: DocumentListResponse = {
  items: [
    {
      id: '00000000-0000-4000-8000-000000000001',
      caseId: CASE_ID,
      title: 'Kostnadsoverslag',
      filename: 'overslag.pdf',
      contentType: 'application/pdf',
      size: 348_160,
      public: true,
      legalGround: null,
      citation: null,
      position: 1,
      textStatus: 'done',
      createdAt: '2026-11-26T00:00:00.000Z',
    },
    {
      id: '00000000-0000-4000-8000-000000000002',
      caseId: CASE_ID,
      title: 'Søkerliste',
      filename: 'sokere.pdf',
      contentType: 'application/pdf',
      size: 1200,
      public: false,
      legalGround: 'offl13-fvl13',
      citation: 'offl. § 13 jf. fvl. § 13 første ledd nr. 1',
      position: 2,
      textStatus: 'done',
      createdAt: '2026-11-26T00:00:00.000Z',
    },
  ],
  maxBytes: 50 * 1024 * 1024,
  acceptedTypes: ['application/pdf', 'image/png'],
  legalGrounds: [{ code: 'offl13-fvl13', citation: 'offl. § 13 jf. fvl. § 13 første ledd nr. 1' }],
};

async function setUp(editor: boolean) {
  TestBed.configureTestingModule({
    imports: [CaseDocuments, translocoTesting()],
    providers: [
      provideHttpClient(withInterceptors([apiInterceptor])),
      provideHttpClientTesting(),
      { provide: SessionStore, useValue: { isEditor: signal(editor) } },
    ],
  });
  const http = TestBed.inject(HttpTestingController);
  const fixture: ComponentFixture<CaseDocuments> = TestBed.createComponent(CaseDocuments);
  fixture.componentRef.setInput('caseId', CASE_ID);
  fixture.detectChanges();
  http.expectOne(`/api/cases/${CASE_ID}/documents`).flush(LIST);
  await fixture.whenStable();
  return { http, fixture, element: fixture.nativeElement as HTMLElement };
}

function chooseFile(element: HTMLElement, file: File): void {
  const input = element.querySelector<HTMLInputElement>('#document-file')!;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change'));
}

describe('CaseDocuments', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('lists documents with type, size, access and citation, and links to their content', async () => {
    const { element } = await setUp(false);
    const items = [...element.querySelectorAll('.document-item')].map((li) =>
      li.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(items[0]).toContain('Kostnadsoverslag');
    expect(items[0]).toContain('PDF, 340 kB');
    expect(items[0]).toContain('Offentlig');
    expect(items[1]).toContain('Unntatt offentlighet');
    expect(items[1]).toContain('offl. § 13 jf. fvl. § 13 første ledd nr. 1');
    expect(element.querySelector('a.ds-link')?.getAttribute('href')).toBe(
      '/api/documents/00000000-0000-4000-8000-000000000001/content',
    );
    expect(element.querySelector('[data-testid="upload-form"]')).toBeNull();
  });

  it('states the accepted types and the size limit in the upload form', async () => {
    const { element } = await setUp(true);
    expect(element.querySelector('#document-file-help')?.textContent).toContain(
      'Tillatte filtyper: PDF, PNG. Største størrelse: 50 MB.',
    );
    expect(element.querySelector('#document-file')?.getAttribute('accept')).toBe(
      '.pdf,application/pdf,.png,image/png',
    );
  });

  it("shows the API's refusal of a wrong type as it is", async () => {
    const { http, fixture, element } = await setUp(true);
    chooseFile(element, new File(['MZ'], 'program.exe'));
    fixture.detectChanges();
    element.querySelector<HTMLFormElement>('form')!.dispatchEvent(new Event('submit'));
    const request = http.expectOne({ method: 'POST', url: `/api/cases/${CASE_ID}/documents` });
    const body = request.request.body as FormData;
    expect(body.get('title')).toBe('program');
    expect(body.get('public')).toBe('true');
    request.flush(
      {
        code: 'DOCUMENT_TYPE_NOT_ALLOWED',
        message: 'Filtypen er ikke tillatt: filen er application/x-msdownload (.exe).',
      },
      { status: 415, statusText: 'Unsupported Media Type' },
    );
    await fixture.whenStable();
    fixture.detectChanges();
    const alert = element.querySelector('[data-testid="upload-refusal"]');
    expect(alert?.getAttribute('role')).toBe('alert');
    expect(alert?.textContent).toContain(
      'Filtypen er ikke tillatt: filen er application/x-msdownload (.exe).',
    );
  });

  it('asks for a legal ground before sending an exempt document', async () => {
    const { fixture, element } = await setUp(true);
    chooseFile(element, new File(['%PDF'], 'sokere.pdf'));
    const exempt = element.querySelector<HTMLInputElement>('#document-exempt')!;
    exempt.checked = true;
    exempt.dispatchEvent(new Event('change'));
    fixture.detectChanges();
    expect(element.querySelector('#document-ground')).not.toBeNull();
    element.querySelector<HTMLFormElement>('form')!.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    fixture.detectChanges();
    expect(element.querySelector('[data-testid="upload-refusal"]')?.textContent).toContain(
      'må ha hjemmel',
    );
  });
});
