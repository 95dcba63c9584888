import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { BODY_ID, bodyDetail } from '../../../testing/fixtures';
import { translocoTesting } from '../../../testing/i18n-testing';
import { apiInterceptor } from '../../core/api/api.interceptor';
import { AddMembershipForm, type MembershipAdded } from './add-membership-form';

const PARTY_ID = 'd1000000-0000-4000-8000-000000000001';
const PERSON_ID = 'b1000000-0000-4000-8000-000000000042';

describe('AddMembershipForm', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<AddMembershipForm>;
  let element: HTMLElement;
  let added: MembershipAdded[];

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [AddMembershipForm, translocoTesting()],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AddMembershipForm);
    fixture.componentRef.setInput('body', bodyDetail(true));
    fixture.componentRef.setInput('substituteOrder', 'per_list');
    added = [];
    fixture.componentInstance.added.subscribe((event) => added.push(event));
    TestBed.tick();
    http.expectOne('/api/people').flush({
      items: [{ id: PERSON_ID, name: 'Kari Ny', party: 'EP' }],
    });
    http.expectOne('/api/parties').flush({
      items: [{ id: PARTY_ID, name: 'Eksempelpartiet', shortName: 'EP' }],
    });
    await fixture.whenStable();
    element = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => {
    http.verify();
  });

  function select(id: string, value: string): void {
    const field = element.querySelector<HTMLSelectElement>(`#${id}`);
    if (!field) throw new Error(`#${id} missing`);
    field.value = value;
    field.dispatchEvent(new Event('change'));
    TestBed.tick();
  }

  it("suggests the person's party and the next number on that party's list", async () => {
    const detail = bodyDetail(true);
    fixture.componentRef.setInput('body', {
      ...detail,
      substitutes: detail.substitutes.map((s) => ({ ...s, party: 'EP' })),
    });
    select('add-person', PERSON_ID);
    expect(element.querySelector<HTMLSelectElement>('#add-party')?.value).toBe(PARTY_ID);
    element.querySelector<HTMLInputElement>('#add-kind-substitute')?.click();
    await fixture.whenStable();
    expect(element.querySelector<HTMLInputElement>('#add-rank')?.value).toBe('3');
    expect(element.querySelector('#add-rank-help')?.textContent).toContain('varalista for EP er 3');
    expect(element.querySelector('#add-role')).toBeNull();

    element.querySelector<HTMLButtonElement>('[data-testid="add-membership-submit"]')?.click();
    TestBed.tick();
    const request = http.expectOne(`/api/bodies/${BODY_ID}/memberships`);
    expect(request.request.body).toEqual({
      personId: PERSON_ID,
      partyId: PARTY_ID,
      kind: 'substitute',
      role: 'member',
      rank: 3,
      from: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      to: null,
    });
    request.flush(
      { membershipId: 'a1000000-0000-4000-8000-000000000099' },
      { status: 201, statusText: 'Created' },
    );
    await fixture.whenStable();
    expect(added).toEqual([{ name: 'Kari Ny', kind: 'substitute' }]);
  });

  it("shows the API's rule breach next to the field and in the summary", async () => {
    select('add-person', PERSON_ID);
    element.querySelector<HTMLButtonElement>('[data-testid="add-membership-submit"]')?.click();
    TestBed.tick();
    http
      .expectOne(`/api/bodies/${BODY_ID}/memberships`)
      .flush(
        { code: 'BODY_FULL', message: 'Formannskapet har 7 seter, og alle er besatt 2026-01-01.' },
        { status: 409, statusText: 'Conflict' },
      );
    await fixture.whenStable();
    const summary = element.querySelector('[data-testid="add-membership-errors"]');
    expect(summary?.getAttribute('role')).toBe('alert');
    expect(summary?.textContent).toContain('alle er besatt');
    expect(summary?.querySelector('[lang="nb"]')).not.toBeNull();
    expect(added).toEqual([]);
  });
});
