import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { WeddingOfficiant, WeddingOfficiantUserList } from '@sekretariat/contracts';
import { MUNICIPALITY } from '../../testing/fixtures';
import { translocoTesting } from '../../testing/i18n-testing';
import { apiInterceptor } from '../core/api/api.interceptor';
import { SessionStore } from '../core/session/session-store';
import { SetupOfficiants } from './setup-officiants';

const MAYOR: WeddingOfficiant = {
  id: '8d1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  name: 'Ola Ordfører',
  kind: 'mayor',
  decisionRef: null,
  authorisedFrom: null,
  authorisedTo: null,
  active: true,
  userId: null,
};
const DEPUTY: WeddingOfficiant = {
  ...MAYOR,
  id: '9e1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  name: 'Vera Vara',
  kind: 'deputy_mayor',
  userId: '2b1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
};
const USERS: WeddingOfficiantUserList = {
  items: [
    {
      id: '1a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      username: 'vigsler',
      displayName: 'Ola Ordfører',
      officiantId: null,
    },
    { id: DEPUTY.userId!, username: 'vara', displayName: 'Vera Vara', officiantId: DEPUTY.id },
  ],
};

describe('the officiants setup page: linking a user for their own view', () => {
  let http: HttpTestingController;
  let element: HTMLElement;
  let settle: () => Promise<void>;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const loading = TestBed.inject(SessionStore).load();
    http.expectOne('/api/auth/me').flush({ user: null });
    http.expectOne('/api/municipalities/current').flush(MUNICIPALITY);
    await loading;
    const fixture = TestBed.createComponent(SetupOfficiants);
    TestBed.tick();
    http.expectOne('/api/weddings/officiants').flush({ items: [MAYOR, DEPUTY] });
    http.expectOne('/api/weddings/officiant-users').flush(USERS);
    await fixture.whenStable();
    element = fixture.nativeElement as HTMLElement;
    settle = async () => {
      for (let i = 0; i < 5; i++) await Promise.resolve();
      TestBed.tick();
    };
  });

  afterEach(() => {
    http.verify();
  });

  it('shows who signs in as an officiant, and offers only users not linked to another officiant', async () => {
    expect(element.querySelector('[data-testid="officiant-user"]')?.textContent).toContain(
      'Vera Vara',
    );
    const select = element.querySelector<HTMLSelectElement>('#officiant-user')!;
    expect(select.labels?.[0]?.textContent?.trim()).toBe('Brukerkonto');
    const options = [...select.options].map((o) => ({ value: o.value, disabled: o.disabled }));
    expect(options).toEqual([
      { value: '', disabled: false },
      { value: USERS.items[0]!.id, disabled: false },
      { value: DEPUTY.userId, disabled: true },
    ]);
  });

  it('sends the chosen user with the officiant, and none as null', async () => {
    const editMayor = [...element.querySelectorAll<HTMLButtonElement>('table button')][0]!;
    editMayor.click();
    TestBed.tick();
    const select = element.querySelector<HTMLSelectElement>('#officiant-user')!;
    select.value = USERS.items[0]!.id;
    select.dispatchEvent(new Event('change'));
    element.querySelector<HTMLFormElement>('form')!.dispatchEvent(new Event('submit'));
    const put = http.expectOne(`/api/weddings/officiants/${MAYOR.id}`);
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toMatchObject({
      name: 'Ola Ordfører',
      kind: 'mayor',
      userId: USERS.items[0]!.id,
    });
    put.flush({ ...MAYOR, userId: USERS.items[0]!.id });
    await settle();
    http.expectOne('/api/weddings/officiant-users').flush({
      items: [{ ...USERS.items[0]!, officiantId: MAYOR.id }, USERS.items[1]!],
    });
    await settle();
    expect(
      [...element.querySelectorAll('[data-testid="officiant-user"]')].map((e) =>
        e.textContent?.trim(),
      ),
    ).toEqual(['Logger inn som Ola Ordfører', 'Logger inn som Vera Vara']);

    [...element.querySelectorAll<HTMLButtonElement>('table button')][1]!.click();
    TestBed.tick();
    const deputySelect = element.querySelector<HTMLSelectElement>('#officiant-user')!;
    deputySelect.value = '';
    deputySelect.dispatchEvent(new Event('change'));
    element.querySelector<HTMLFormElement>('form')!.dispatchEvent(new Event('submit'));
    const unlink = http.expectOne(`/api/weddings/officiants/${DEPUTY.id}`);
    expect(unlink.request.body).toMatchObject({ userId: null });
    unlink.flush({ ...DEPUTY, userId: null });
    await settle();
    http.expectOne('/api/weddings/officiant-users').flush(USERS);
  });
});
