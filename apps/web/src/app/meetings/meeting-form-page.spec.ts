import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { BodyListResponse, Meeting } from '@sekretariat/contracts';
import { BODY_ID } from '../../testing/fixtures';
import { translocoTesting } from '../../testing/i18n-testing';
import { apiInterceptor } from '../core/api/api.interceptor';
import { FlashMessage } from '../shared/flash-message';
import { MeetingFormPage } from './meeting-form-page';

const BODIES: BodyListResponse = {
  items: [
    {
      id: BODY_ID,
      name: 'Kommunestyret',
      kind: 'kommunestyre',
      seats: 27,
      termFrom: '2023-10-01',
      termTo: '2027-09-30',
      memberCount: 27,
    },
  ],
};
const MEETING_ID = '5b0c8e1a-9d2f-4e3a-8b7c-6d5e4f3a2b1c';

describe('MeetingFormPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<MeetingFormPage>;
  let element: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [MeetingFormPage, translocoTesting()],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(MeetingFormPage);
    fixture.componentRef.setInput('organ', BODY_ID);
    element = fixture.nativeElement as HTMLElement;
    TestBed.tick();
    http.expectOne('/api/bodies').flush(BODIES);
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
  const submit = async () => {
    element.querySelector<HTMLButtonElement>('[data-testid="meeting-form-submit"]')!.click();
    await Promise.resolve();
    TestBed.tick();
  };

  it('takes the body from ?organ= and asks for the date before calling the API', async () => {
    expect(element.querySelector<HTMLSelectElement>('#meeting-body')!.value).toBe(BODY_ID);
    await submit();
    await fixture.whenStable();
    expect(element.querySelector('#meeting-date-error')?.textContent).toContain(
      'Skriv inn datoen for møtet.',
    );
    expect(input('meeting-date').getAttribute('aria-invalid')).toBe('true');
    http.expectNone(`/api/bodies/${BODY_ID}/meetings`);
  });

  it('sends Norwegian time as an instant and shows the API’s field messages at their fields', async () => {
    set('meeting-date', '2026-12-03');
    set('meeting-start', '18:00');
    set('meeting-end', '17:00');
    await submit();
    const request = http.expectOne(`/api/bodies/${BODY_ID}/meetings`);
    expect(request.request.body).toEqual({
      startsAt: '2026-12-03T17:00:00.000Z',
      endsAt: '2026-12-03T16:00:00.000Z',
      place: '',
      remote: false,
      videoUrl: null,
    });
    request.flush(
      {
        code: 'VALIDATION_FAILED',
        message: 'Ugyldig forespørsel.',
        fields: [
          { path: 'endsAt', message: 'Møtet må slutte etter at det begynner.' },
          { path: 'place', message: 'Oppgi møtested, eller merk møtet som fjernmøte.' },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(element.querySelector('#meeting-end-error')?.textContent).toContain(
      'Møtet må slutte etter at det begynner.',
    );
    expect(element.querySelector('#meeting-place-error')?.textContent).toContain(
      'Oppgi møtested, eller merk møtet som fjernmøte.',
    );
    expect(input('meeting-place').getAttribute('aria-describedby')).toContain(
      'meeting-place-error',
    );
    expect(
      element.querySelector('[data-testid="meeting-form-errors"][role="alert"]'),
    ).not.toBeNull();
  });

  it('opens the new meeting with a message', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    set('meeting-date', '2026-12-03');
    set('meeting-place', 'Rådhuset');
    await submit();
    const meeting: Meeting = {
      id: MEETING_ID,
      bodyId: BODY_ID,
      bodyName: 'Kommunestyret',
      startsAt: '2026-12-03T17:00:00.000Z',
      endsAt: null,
      place: 'Rådhuset',
      remote: false,
      status: 'planned',
      videoUrl: null,
    };
    http.expectOne(`/api/bodies/${BODY_ID}/meetings`).flush(meeting);
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(`/moter/${MEETING_ID}`);
    expect(TestBed.inject(FlashMessage).take()).toEqual({
      messageKey: 'meetings.form.created',
      params: { body: 'Kommunestyret' },
    });
  });
});

describe('MeetingFormPage (changing a meeting)', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<MeetingFormPage>;
  let element: HTMLElement;

  const existing = (status: Meeting['status']): Meeting => ({
    id: MEETING_ID,
    bodyId: BODY_ID,
    bodyName: 'Kommunestyret',
    startsAt: '2026-12-03T17:00:00.000Z',
    endsAt: null,
    place: 'Rådhuset',
    remote: false,
    status,
    videoUrl: null,
  });

  async function open(status: Meeting['status']): Promise<void> {
    TestBed.configureTestingModule({
      imports: [MeetingFormPage, translocoTesting()],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(MeetingFormPage);
    fixture.componentRef.setInput('id', MEETING_ID);
    element = fixture.nativeElement as HTMLElement;
    TestBed.tick();
    http.expectOne('/api/bodies').flush(BODIES);
    http.expectOne(`/api/meetings/${MEETING_ID}`).flush({ ...existing(status), items: [] });
    await fixture.whenStable();
  }

  afterEach(() => {
    http.verify();
  });

  async function changePlace(status: Meeting['status']): Promise<jest.SpyInstance> {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    const place = element.querySelector<HTMLInputElement>('#meeting-place')!;
    place.value = 'Kulturhuset';
    place.dispatchEvent(new Event('input'));
    element.querySelector<HTMLButtonElement>('[data-testid="meeting-form-submit"]')!.click();
    await Promise.resolve();
    TestBed.tick();
    const request = http.expectOne(`/api/meetings/${MEETING_ID}`);
    expect(request.request.method).toBe('PUT');
    request.flush({ ...existing(status), place: 'Kulturhuset' });
    await fixture.whenStable();
    return navigate;
  }

  it('tells the meeting page when the notice was already sent (?endret=1)', async () => {
    await open('notice_sent');
    const navigate = await changePlace('notice_sent');
    expect(navigate).toHaveBeenCalledWith(`/moter/${MEETING_ID}?endret=1`);
  });

  it('goes back without the reminder before the notice is sent', async () => {
    await open('planned');
    const navigate = await changePlace('planned');
    expect(navigate).toHaveBeenCalledWith(`/moter/${MEETING_ID}`);
  });
});
