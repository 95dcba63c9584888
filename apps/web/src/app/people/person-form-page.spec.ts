import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { translocoTesting } from '../../testing/i18n-testing';
import { apiInterceptor } from '../core/api/api.interceptor';
import { PersonFormPage } from './person-form-page';

describe('PersonFormPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<PersonFormPage>;
  let element: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [PersonFormPage, translocoTesting()],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(PersonFormPage);
    element = fixture.nativeElement as HTMLElement;
    TestBed.tick();
    http.expectOne('/api/parties').flush({ items: [] });
    await fixture.whenStable();
  });

  afterEach(() => {
    http.verify();
  });

  const input = (id: string) => element.querySelector<HTMLInputElement>(`#${id}`)!;
  const set = (id: string, value: string) => {
    input(id).value = value;
    input(id).dispatchEvent(new Event('input'));
  };
  const submitWith = async (personalNumber: string) => {
    set('person-given-name', 'Åse');
    set('person-family-name', 'Ødegård');
    input('person-gender-female').click();
    set('person-personal-number', personalNumber);
    element.querySelector<HTMLButtonElement>('[data-testid="person-form-submit"]')!.click();
    await Promise.resolve();
    TestBed.tick();
  };
  const error = () => element.querySelector('#person-personal-number-error')?.textContent ?? '';

  // The API's rule, from @sekretariat/contracts: checked before anything is sent.
  it.each([
    ['1234', 'må ha 11 siffer'],
    ['16822548835', 'kontrollsifrene stemmer ikke'],
    ['31849000031', 'ikke en dato som finnes'], // synthetic number for 31 April
    ['29822350052', 'ikke en dato som finnes'], // synthetic number for 29 February 2023
  ])('refuses %s: %s', async (personalNumber, message) => {
    await submitWith(personalNumber);
    await fixture.whenStable();
    expect(error()).toContain(message);
    expect(input('person-personal-number').getAttribute('aria-invalid')).toBe('true');
    http.expectNone('/api/people');
  });

  it('sends a valid number (29 February 2024, synthetic)', async () => {
    await submitWith('29822450073');
    const request = http.expectOne('/api/people');
    expect(request.request.body).toMatchObject({ personalNumber: '29822450073' });
    request.flush({ code: 'CONFLICT', message: 'Test.' }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    expect(error()).toBe('');
  });
});
