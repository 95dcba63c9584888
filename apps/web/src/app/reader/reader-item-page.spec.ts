import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { Type } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ReaderItemDetail, ReaderMeetingDetail } from '@sekretariat/contracts';
import { BODY_ID, MUNICIPALITY, SECRETARIAT_USER } from '../../testing/fixtures';
import { translocoTesting } from '../../testing/i18n-testing';
import { apiInterceptor } from '../core/api/api.interceptor';
import { SessionStore } from '../core/session/session-store';
import { MemoryOutboxStore } from './offline/outbox';
import { OUTBOX_STORE } from './offline/reader-sync';

// The PDF viewer (pdf.js, an ES module with a worker) is not what these tests are about.
jest.mock('./pdf/pdf-viewer', () => {
  const { Component } = jest.requireActual<typeof import('@angular/core')>('@angular/core');
  @Component({ selector: 'app-pdf-viewer', template: '' })
  class PdfViewer {}
  return { PdfViewer };
});
// Loaded with require: an import would make the spec typecheck (CommonJS) read pdf-viewer.ts,
// whose `import.meta` only the app build (ES modules) accepts.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ReaderItemPage } = require('./reader-item-page') as { ReaderItemPage: Type<unknown> };

const MEETING = '00000000-0000-4000-8000-0000000000a1';
const ITEM = '00000000-0000-4000-8000-0000000000e1';

const ITEM_DETAIL: ReaderItemDetail = {
  meetingId: MEETING,
  id: ITEM,
  type: 'PS',
  number: 'PS 1/26',
  position: 1,
  title: 'Budsjett 2027',
  closed: false,
  legalGround: null,
  citation: null,
  videoStartSeconds: null,
  case: null,
  recommendation: '',
  decision: '',
  askerPersonId: null,
  askerName: null,
  withheld: false,
  read: false,
  annotationCount: 0,
  documents: [],
};

const DETAIL: ReaderMeetingDetail = {
  id: MEETING,
  bodyId: BODY_ID,
  bodyName: 'Formannskapet',
  startsAt: '2026-12-03T17:00:00.000Z',
  endsAt: null,
  place: 'Rådhuset',
  remote: false,
  status: 'notice_sent',
  videoUrl: null,
  access: 'member',
  exemptAccess: false,
  items: [
    {
      id: ITEM,
      type: 'PS',
      number: 'PS 1/26',
      position: 1,
      title: 'Budsjett 2027',
      closed: false,
      legalGround: null,
      citation: null,
      caseId: null,
      exempt: false,
      withheld: false,
      read: false,
      annotationCount: 0,
      documentCount: 0,
      documentIds: [],
    },
  ],
};

describe('ReaderItemPage: marking read without a network', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<unknown>;
  let element: HTMLElement;

  async function settle(): Promise<void> {
    for (let i = 0; i < 5; i++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      await fixture.whenStable();
    }
  }

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [ReaderItemPage, translocoTesting()],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
        { provide: OUTBOX_STORE, useValue: new MemoryOutboxStore() },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const loading = TestBed.inject(SessionStore).load();
    http.expectOne('/api/auth/me').flush({ user: SECRETARIAT_USER });
    http.expectOne('/api/municipalities/current').flush(MUNICIPALITY);
    await loading;
    fixture = TestBed.createComponent(ReaderItemPage);
    fixture.componentRef.setInput('meetingId', MEETING);
    fixture.componentRef.setInput('itemId', ITEM);
    element = fixture.nativeElement as HTMLElement;
    TestBed.tick();
    http.expectOne(`/api/reader/meetings/${MEETING}`).flush(DETAIL);
    http.expectOne(`/api/reader/items/${ITEM}`).flush(ITEM_DETAIL);
    http.expectOne(`/api/reader/meetings/${MEETING}/annotations`).flush({ items: [] });
    await settle();
  });

  afterEach(() => {
    http.verify();
    localStorage.clear();
  });

  const byTestId = (testId: string) => element.querySelector(`[data-testid="${testId}"]`);

  it('shows the item as read at once with "venter på nett", and sends the mark when back online', async () => {
    expect(byTestId('item-read-state')?.getAttribute('data-read')).toBe('false');
    (byTestId('mark-read') as HTMLButtonElement).click();
    await settle();
    http.expectOne(`/api/reader/items/${ITEM}/read`).error(new ProgressEvent('error'));
    await settle();

    expect(byTestId('item-read-state')?.getAttribute('data-read')).toBe('true');
    expect(byTestId('item-read-pending')?.textContent).toContain('Venter på nett');
    expect(byTestId('read-message')?.textContent).toContain(
      'Det lagres når du er på nett igjen.',
    );
    expect(element.querySelector('[role="alert"]')).toBeNull();

    window.dispatchEvent(new Event('online'));
    await settle();
    const put = http.expectOne(`/api/reader/items/${ITEM}/read`);
    expect(put.request.body).toEqual({ read: true });
    put.flush({ targetId: ITEM, read: true, readAt: '2026-11-26T08:00:00.000Z' });
    await settle();
    expect(byTestId('item-read-pending')).toBeNull();
    expect(byTestId('item-read-state')?.getAttribute('data-read')).toBe('true');
  });
});
