import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { Case } from '@sekretariat/contracts';
import { translocoTesting } from '../../testing/i18n-testing';
import { apiInterceptor } from '../core/api/api.interceptor';
import { CaseFormPage } from './case-form-page';

const CASE_ID = '0d9f7c1e-2b3a-4c5d-8e6f-7a8b9c0d1e2f';

describe('CaseFormPage (new case)', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<CaseFormPage>;
  let element: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [CaseFormPage, translocoTesting()],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CaseFormPage);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => {
    http.verify();
  });

  const field = <T extends HTMLElement>(id: string) => element.querySelector<T>(`#${id}`);
  const type = (id: string, value: string) => {
    const input = field<HTMLInputElement>(id)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  const submit = async () => {
    element.querySelector<HTMLButtonElement>('[data-testid="case-form-submit"]')!.click();
    await Promise.resolve();
    TestBed.tick();
  };

  it('asks for a legal ground when the case is exempt, and sends it', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    expect(element.querySelector('app-case-documents')).toBeNull();
    type('case-archive-reference', '26/17');
    type('case-title', 'Tilsetting av kommunedirektør');
    expect(field('case-legal-ground')).toBeNull();
    field<HTMLInputElement>('case-access-exempt')!.click();
    await fixture.whenStable();
    expect(field('case-legal-ground')).not.toBeNull();

    await submit();
    await fixture.whenStable();
    expect(element.querySelector('#case-legal-ground-error')?.textContent).toContain(
      'Velg hjemmelen for å unnta saken fra offentlighet.',
    );
    http.expectNone('/api/cases');

    const select = field<HTMLSelectElement>('case-legal-ground')!;
    select.value = 'koml11-5-2b';
    select.dispatchEvent(new Event('change'));
    await submit();
    const request = http.expectOne('/api/cases');
    expect(request.request.body).toMatchObject({
      archiveReference: '26/17',
      title: 'Tilsetting av kommunedirektør',
      public: false,
      legalGround: 'koml11-5-2b',
    });
    const saved = {
      ...request.request.body,
      id: CASE_ID,
      citation: 'koml. § 11-5 annet ledd bokstav b',
    } as Case;
    request.flush(saved);
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(`/saker/${CASE_ID}`);
  });
});
