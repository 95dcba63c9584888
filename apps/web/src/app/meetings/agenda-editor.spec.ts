import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentRef } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AgendaItem, MeetingDetail } from '@sekretariat/contracts';
import { translocoTesting } from '../../testing/i18n-testing';
import { apiInterceptor } from '../core/api/api.interceptor';
import { AgendaEditor } from './agenda-editor';

const MEETING_ID = '5b0c8e1a-9d2f-4e3a-8b7c-6d5e4f3a2b1c';

function item(n: number): AgendaItem {
  return {
    id: `00000000-0000-4000-8000-00000000000${String(n)}`,
    type: 'PS',
    number: `PS ${String(n)}/26`,
    position: n,
    title: `Sak ${String(n)}`,
    closed: false,
    legalGround: null,
    citation: null,
    videoStartSeconds: null,
    case: null,
    recommendation: '',
    decision: '',
    askerPersonId: null,
    askerName: null,
  };
}

const ITEMS = [item(1), item(2), item(3)];

describe('AgendaEditor', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<AgendaEditor>;
  let ref: ComponentRef<AgendaEditor>;
  let element: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [AgendaEditor, translocoTesting()],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AgendaEditor);
    ref = fixture.componentRef;
    ref.setInput('meetingId', MEETING_ID);
    ref.setInput('items', ITEMS);
    ref.setInput('editable', true);
    await fixture.whenStable();
    element = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => {
    http.verify();
  });

  /** Lets the queued save and the render run, without waiting for the open request. */
  const settle = async () => {
    for (let i = 0; i < 10; i++) await Promise.resolve();
    TestBed.tick();
    for (let i = 0; i < 10; i++) await Promise.resolve();
  };
  const numbers = () =>
    [...element.querySelectorAll('[data-testid="agenda-item"]')].map((li) =>
      li.getAttribute('data-number'),
    );
  const button = (prefix: 'up' | 'down', n: number) =>
    element.querySelector<HTMLButtonElement>(`#${prefix}-${item(n).id}`)!;
  const announcement = () =>
    element.querySelector('[data-testid="agenda-announcement"]')?.textContent?.trim();

  it('moves an item up by keyboard, announces it and saves the whole order', async () => {
    expect(button('up', 1).disabled).toBe(true);
    expect(button('down', 3).disabled).toBe(true);

    button('up', 3).click();
    await settle();

    expect(numbers()).toEqual(['PS 1/26', 'PS 3/26', 'PS 2/26']);
    expect(announcement()).toBe('PS 3/26 flyttet til plass 2');
    const request = http.expectOne(`/api/meetings/${MEETING_ID}/items/order`);
    expect(request.request.method).toBe('PUT');
    expect(request.request.body).toEqual({ itemIds: [item(1).id, item(3).id, item(2).id] });
    const saved: MeetingDetail = {
      id: MEETING_ID,
      bodyId: MEETING_ID,
      bodyName: 'Kommunestyret',
      startsAt: '2026-12-03T17:00:00.000Z',
      endsAt: null,
      place: 'Rådhuset',
      remote: false,
      status: 'planned',
      videoUrl: null,
      items: [item(1), item(3), item(2)],
    };
    let emitted: MeetingDetail | undefined;
    ref.instance.saved.subscribe((meeting) => (emitted = meeting));
    request.flush(saved);
    await settle();
    expect(emitted).toEqual(saved);
    // Focus follows the moved item.
    expect(document.activeElement?.id).toBe(`up-${item(3).id}`);
  });

  it('moves down and keeps focus on the down button', async () => {
    document.body.appendChild(element);
    button('down', 1).click();
    await settle();
    expect(numbers()).toEqual(['PS 2/26', 'PS 1/26', 'PS 3/26']);
    expect(announcement()).toBe('PS 1/26 flyttet til plass 2');
    expect(document.activeElement?.id).toBe(`down-${item(1).id}`);
    http.expectOne(`/api/meetings/${MEETING_ID}/items/order`).flush({ ...ITEMS });
    await settle();
    element.remove();
  });

  it('puts the order back and says so when saving fails', async () => {
    button('down', 2).click();
    await settle();
    expect(numbers()).toEqual(['PS 1/26', 'PS 3/26', 'PS 2/26']);
    http
      .expectOne(`/api/meetings/${MEETING_ID}/items/order`)
      .flush(
        { code: 'MEETING_LOCKED', message: 'Møtet er holdt; sakslisten kan ikke endres.' },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();
    expect(numbers()).toEqual(['PS 1/26', 'PS 2/26', 'PS 3/26']);
    expect(announcement()).toBe('Rekkefølgen ble ikke lagret.');
    expect(element.querySelector('[role="alert"]')).not.toBeNull();
  });

  it('shows no move buttons to readers', async () => {
    ref.setInput('editable', false);
    await settle();
    expect(numbers()).toEqual(['PS 1/26', 'PS 2/26', 'PS 3/26']);
    expect(element.querySelector('button')).toBeNull();
  });
});
