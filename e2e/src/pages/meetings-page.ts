import type { HTTPResponse } from 'puppeteer-core';
import { AppPage } from './app-page.js';

export interface NewMeeting {
  bodyId: string;
  date: string;
  start: string;
  end: string;
  place: string;
}

/** The secretariat's meetings: the annual plan (`/moter`), a new meeting, and one meeting with its agenda. */
export class MeetingsPage extends AppPage {
  /** The axe violations of the new meeting form, scanned on the way. */
  formScan: string[] = [];

  async openPlan(): Promise<void> {
    await this.goto('/moter');
    await this.page.waitForSelector('[data-testid="plan-count"]');
  }

  /** From the plan, by the "Nytt møte" button; fills the form and saves; resolves on the meeting's page with its id. */
  async createFromPlan(meeting: NewMeeting): Promise<string> {
    // By keyboard: the button is a link.
    await this.page.focus('[data-testid="new-meeting"]');
    await this.page.keyboard.press('Enter');
    await this.page.waitForFunction(() => location.pathname === '/moter/nytt');
    await this.waitForHeading();
    await this.page.waitForSelector('#meeting-body option[value]:not([value=""])');
    this.formScan = await this.scan();
    await this.page.select('#meeting-body', meeting.bodyId);
    await this.setValue('#meeting-date', meeting.date);
    await this.setValue('#meeting-start', meeting.start);
    await this.setValue('#meeting-end', meeting.end);
    await this.page.type('#meeting-place', meeting.place);
    await Promise.all([
      this.page.waitForResponse(
        (r) => /\/api\/bodies\/[^/]+\/meetings$/.test(r.url()) && r.request().method() === 'POST',
      ),
      this.page.click('[data-testid="meeting-form-submit"]'),
    ]);
    await this.page.waitForFunction(() => /^\/moter\/[0-9a-f-]{36}$/.test(location.pathname));
    await this.waitForMeeting();
    return this.page.evaluate(() => location.pathname.split('/').pop() ?? '');
  }

  async openMeeting(id: string): Promise<void> {
    await this.goto(`/moter/${id}`);
    await this.waitForMeeting();
  }

  async waitForMeeting(): Promise<void> {
    await this.page.waitForSelector('[data-testid="meeting-when"]');
    await this.page.waitForSelector('[data-testid="agenda"], [data-testid="agenda-empty"]');
    await this.page.waitForSelector('[data-testid="seats-table"]');
  }

  /** Opens "Legg til sak", finds the case by its archive reference and adds it; resolves with the new item's number. */
  async addCase(archiveReference: string): Promise<string> {
    const before = await this.agendaNumbers();
    await this.page.click('[data-testid="add-item"]');
    await this.page.waitForSelector('[data-testid="add-item-dialog"][open] #item-case-search', {
      visible: true,
    });
    await this.page.type('#item-case-search', archiveReference);
    const radio = await this.page
      .waitForFunction(
        (ref) =>
          [...document.querySelectorAll<HTMLLabelElement>('[data-testid="case-results"] label')].find(
            (label) => label.textContent?.trim().startsWith(`${ref} `),
          )?.control ?? null,
        {},
        archiveReference,
      )
      .catch(async (error: unknown) => {
        const dialog = await this.page.$eval(
          '[data-testid="add-item-dialog"]',
          (d) => (d as HTMLElement).innerText,
        );
        const value = await this.page.$eval('#item-case-search', (i) => (i as HTMLInputElement).value);
        throw new Error(`No result for ${archiveReference} (typed "${value}"): ${dialog}`, { cause: error });
      });
    await radio.asElement()!.evaluate((input) => (input as HTMLInputElement).click());
    await Promise.all([
      this.page.waitForResponse((r) => r.url().endsWith('/items') && r.request().method() === 'POST'),
      this.page.click('[data-testid="add-item-submit"]'),
    ]);
    await this.page.waitForFunction(
      (count) => document.querySelectorAll('[data-testid="agenda-item"]').length === count,
      {},
      before.length + 1,
    );
    const after = await this.agendaNumbers();
    return after.find((n) => !before.includes(n)) ?? '';
  }

  /** Waits until a dialog is open and has faded in (half-transparent text would fail the contrast rule). */
  async waitForDialog(testId: string): Promise<void> {
    await this.page.waitForSelector(`[data-testid="${testId}"][open]`, { visible: true });
    await this.page.waitForFunction(
      (id) =>
        (document.querySelector(`[data-testid="${id}"]`)?.getAnimations({ subtree: true }) ?? []).every(
          (a) => a.playState === 'finished',
        ),
      {},
      testId,
    );
  }

  agendaNumbers(): Promise<string[]> {
    return this.page.$$eval('[data-testid="agenda-item"]', (items) =>
      items.map((li) => li.getAttribute('data-number') ?? ''),
    );
  }

  agendaTitles(): Promise<string[]> {
    return this.page.$$eval('[data-testid="agenda-item"] .item-text a', (as) =>
      as.map((a) => a.textContent?.trim() ?? ''),
    );
  }

  /** Moves an item one place up with the keyboard (focus on its "Flytt opp" button, Enter); waits for the save. */
  async moveUpByKeyboard(number: string): Promise<{ announcement: string; focused: string }> {
    const id = await this.page.$eval(
      `[data-testid="agenda-item"][data-number="${number}"] button[id^="up-"]`,
      (b) => b.id,
    );
    await this.page.focus(`#${id}`);
    const saved = this.page.waitForResponse(
      (r: HTTPResponse) => r.url().endsWith('/items/order') && r.request().method() === 'PUT',
    );
    await this.page.keyboard.press('Enter');
    const response = await saved;
    if (!response.ok()) throw new Error(`Reorder answered ${response.status()}`);
    await this.page.waitForFunction(
      () => document.querySelector('[data-testid="agenda-announcement"]')?.textContent?.trim() !== '',
    );
    return {
      announcement: await this.page.$eval(
        '[data-testid="agenda-announcement"]',
        (e) => e.textContent?.trim() ?? '',
      ),
      focused: await this.page.evaluate(() => document.activeElement?.id ?? ''),
    };
  }

  /** Drags an item by its handle (mouse, Angular CDK) onto the place of another; waits for the save. */
  async dragOnto(number: string, targetNumber: string): Promise<void> {
    const handle = await this.page.$(`[data-testid="agenda-item"][data-number="${number}"] .drag-handle`);
    const target = await this.page.$(`[data-testid="agenda-item"][data-number="${targetNumber}"]`);
    const from = await handle!.boundingBox();
    const to = await target!.boundingBox();
    if (!from || !to) throw new Error('Agenda item not visible');
    const saved = this.page.waitForResponse(
      (r: HTTPResponse) => r.url().endsWith('/items/order') && r.request().method() === 'PUT',
    );
    await this.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await this.page.mouse.down();
    // Past the CDK's drag threshold first, then onto the target in small steps.
    await this.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 - 10, { steps: 5 });
    await this.page.mouse.move(from.x + from.width / 2, to.y + to.height / 4, { steps: 20 });
    await this.page.mouse.up();
    const response = await saved;
    if (!response.ok()) throw new Error(`Reorder answered ${response.status()}`);
  }

  /** «Lukket møte» on an item: closes it on a legal ground (a code of the API's list); the dialog's axe violations. */
  async closeItem(number: string, legalGround: string): Promise<string[]> {
    const button = await this.page.waitForFunction(
      (n) =>
        [
          ...document.querySelectorAll<HTMLButtonElement>(
            `[data-testid="agenda-item"][data-number="${n}"] button`,
          ),
        ].find((b) => b.textContent?.includes('Lukket møte')) ?? null,
      {},
      number,
    );
    await button.asElement()!.evaluate((b) => (b as HTMLButtonElement).click());
    await this.waitForDialog('closed-dialog');
    await this.page.click('#closed-flag');
    await this.page.waitForSelector('#closed-ground');
    await this.page.select('#closed-ground', legalGround);
    const violations = await this.scan();
    await Promise.all([
      this.page.waitForResponse((r) => r.url().endsWith('/closed') && r.request().method() === 'PUT'),
      this.page.click('[data-testid="closed-submit"]'),
    ]);
    await this.page.waitForSelector(
      `[data-testid="agenda-item"][data-number="${number}"] [data-testid="item-closed"]`,
    );
    return violations;
  }

  /** «Endre møtet»: changes the place and saves; back on the meeting page. The form's axe violations. */
  async changePlace(place: string): Promise<string[]> {
    await this.page.focus('[data-testid="edit-meeting"]');
    await this.page.keyboard.press('Enter');
    await this.page.waitForFunction(() => location.pathname.endsWith('/rediger'));
    await this.page.waitForFunction(
      () => (document.querySelector<HTMLInputElement>('#meeting-place')?.value ?? '') !== '',
    );
    const violations = await this.scan();
    await this.page.$eval('#meeting-place', (e) => ((e as HTMLInputElement).value = ''));
    await this.page.type('#meeting-place', place);
    await Promise.all([
      this.page.waitForResponse(
        (r) => /\/api\/meetings\/[^/]+$/.test(r.url()) && r.request().method() === 'PUT',
      ),
      this.page.click('[data-testid="meeting-form-submit"]'),
    ]);
    await this.page.waitForFunction(() => /^\/moter\/[0-9a-f-]{36}$/.test(location.pathname));
    await this.waitForMeeting();
    return violations;
  }

  async openPublishDialog(): Promise<string> {
    await this.page.click('[data-testid="publish"]');
    await this.waitForDialog('publish-dialog');
    return this.page.$eval('[data-testid="publish-dialog"]', (d) => d.textContent ?? '');
  }

  async confirmPublish(): Promise<void> {
    await Promise.all([
      this.page.waitForResponse((r) => r.url().endsWith('/publish') && r.request().method() === 'POST'),
      this.page.click('[data-testid="publish-confirm"]'),
    ]);
    await this.page.waitForFunction(
      () =>
        document.querySelector('[data-testid="meeting-status"]')?.textContent?.trim() === 'Innkalling sendt',
    );
  }

  async openResendDialog(): Promise<string> {
    await this.page.click('[data-testid="resend-notice"]');
    await this.waitForDialog('resend-dialog');
    await this.page.waitForFunction(() => document.activeElement !== document.body);
    return this.page.$eval('[data-testid="resend-dialog"]', (d) => d.textContent ?? '');
  }

  /** Types the message and sends by keyboard; returns the flash shown on the meeting page. */
  async sendChangedNotice(message: string): Promise<string> {
    await this.page.type('#resend-message', message);
    await this.page.focus('[data-testid="resend-confirm"]');
    await Promise.all([
      this.page.waitForResponse((r) => r.url().endsWith('/notice/resend') && r.request().method() === 'POST'),
      this.page.keyboard.press('Enter'),
    ]);
    await this.page.waitForSelector('[data-testid="meeting-flash"]');
    return this.page.$eval('[data-testid="meeting-flash"]', (e) => e.textContent?.trim() ?? '');
  }

  status(): Promise<string> {
    return this.page.$eval('[data-testid="meeting-status"]', (e) => e.textContent?.trim() ?? '');
  }
}
