import { AppPage } from './app-page.js';

/** A couple's details for the booking form (dates `YYYY-MM-DD`). */
export interface WeddingForm {
  parties: [WeddingParty, WeddingParty];
  witnesses: [{ name: string; birthDate: string }, { name: string; birthDate: string }];
  /** How many times ArrowDown moves from «Velg språk» in the language select. */
  languageSteps: number;
  guests: number;
  certificateIssuedOn: string;
}

export interface WeddingParty {
  name: string;
  birthDate: string;
  email: string;
  phone: string;
  /** 0 = this municipality, 1 = another municipality, 2 = abroad (chosen with the arrow keys). */
  residence: 0 | 1 | 2;
}

/**
 * The couple's pages (/vigsel, the receipt, the page behind the private link), driven by the
 * keyboard only: Tab to a control, then Space, Enter, the arrow keys or typing.
 */
export class WeddingsPage extends AppPage {
  /** Presses Tab until the focused element matches `selector`. */
  async tabTo(selector: string, maxPresses = 250): Promise<void> {
    for (let i = 0; i < maxPresses; i++) {
      if (await this.page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
      await this.page.keyboard.press('Tab');
    }
    const at = await this.page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200) ?? '');
    throw new Error(`Tab did not reach ${selector} in ${String(maxPresses)} presses (focus on ${at})`);
  }

  async textOf(selector: string): Promise<string> {
    await this.page.waitForSelector(selector);
    return this.page.$eval(selector, (e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim());
  }

  /** Chooses the first place by keyboard (Tab into the group, Space) and waits for its free times. */
  async chooseFirstPlace(): Promise<string> {
    await this.page.waitForSelector('input[name="wedding-place"]');
    await this.tabTo('input[name="wedding-place"]');
    await this.page.keyboard.press('Space');
    await this.page.waitForFunction(() => document.querySelector<HTMLInputElement>('input[name="wedding-place"]')?.checked);
    await this.waitForSlots();
    return this.page.$eval('input[name="wedding-place"] + label', (l) => l.textContent?.trim() ?? '');
  }

  /** Waits until the month's free times (or that there are none) are shown. */
  private async waitForSlots(): Promise<void> {
    await this.page.waitForFunction(() => {
      const month = document.querySelector('[data-testid="month-name"]')?.textContent?.trim() ?? '';
      const count = document.querySelector('[data-testid="slot-count"]')?.textContent?.trim() ?? '';
      return month !== '' && count.includes(month);
    });
  }

  /**
   * The first free time the page offers, from this month on («Neste måned» by keyboard while a
   * month has none); Enter holds it. Resolves with the held slot's start (as the API was asked).
   */
  async holdFirstFreeSlot(): Promise<string> {
    const first = '[data-testid="days"] > li:first-child li:first-child [data-testid="slot"]';
    for (let month = 0; !(await this.page.$(first)); month++) {
      if (month > 12) throw new Error('No free wedding time in the coming year');
      const before = await this.textOf('[data-testid="month-name"]');
      await this.tabTo('[data-testid="month-next"]');
      await this.page.keyboard.press('Enter');
      await this.page.waitForFunction((b) => document.querySelector('[data-testid="month-name"]')?.textContent?.trim() !== b, {}, before);
      await this.waitForSlots();
    }
    await this.tabTo(first);
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => r.url().endsWith('/weddings/holds') && r.request().method() === 'POST'),
      this.page.keyboard.press('Enter'),
    ]);
    if (response.status() !== 201) {
      const shown = await this.page.$eval('main', (m) => (m.textContent ?? '').replace(/\s+/g, ' ').slice(0, 2000));
      throw new Error(`The hold answered ${String(response.status())} to ${response.request().postData() ?? ""}; the page says: ${shown}`);
    }
    await this.page.waitForSelector('[data-testid="hold"]');
    // Focus moves to the form's heading.
    await this.page.waitForFunction(() => document.activeElement?.id === 'form-heading');
    return (JSON.parse(response.request().postData() ?? '{}') as { startsAt: string }).startsAt;
  }

  /** Types a date into a date input in the order the browser's locale shows its parts. */
  async typeDate(selector: string, iso: string): Promise<void> {
    await this.tabTo(selector);
    const order = await this.page.evaluate(() =>
      new Intl.DateTimeFormat(navigator.language, { year: 'numeric', month: '2-digit', day: '2-digit' })
        .formatToParts(new Date(2001, 10, 22))
        .map((p) => p.type)
        .filter((t) => t === 'year' || t === 'month' || t === 'day'),
    );
    const [year, month, day] = iso.split('-') as [string, string, string];
    const parts: Record<string, string> = { year, month, day };
    for (const part of order) await this.page.keyboard.type(parts[part]!);
    const value = await this.page.$eval(selector, (e) => (e as HTMLInputElement).value);
    if (value !== iso) throw new Error(`Typed ${iso} into ${selector}, it holds "${value}"`);
  }

  async typeText(selector: string, text: string): Promise<void> {
    await this.tabTo(selector);
    await this.page.keyboard.down('Control');
    await this.page.keyboard.press('a');
    await this.page.keyboard.up('Control');
    await this.page.keyboard.type(text);
  }

  /** Fills the whole form by keyboard. */
  async fill(form: WeddingForm): Promise<void> {
    for (const [i, party] of form.parties.entries()) {
      await this.typeText(`#party-${String(i)}-name`, party.name);
      await this.typeDate(`#party-${String(i)}-birth`, party.birthDate);
      await this.typeText(`#party-${String(i)}-email`, party.email);
      await this.typeText(`#party-${String(i)}-phone`, party.phone);
      await this.tabTo(`#party-${String(i)}-residence`);
      await this.page.keyboard.press('Space');
      for (let step = 0; step < party.residence; step++) await this.page.keyboard.press('ArrowDown');
      await this.page.waitForFunction(
        (name, index) => document.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)[index]?.checked,
        {},
        `party-${String(i)}-residence`,
        party.residence,
      );
    }
    for (const [i, witness] of form.witnesses.entries()) {
      await this.typeText(`#witness-${String(i)}-name`, witness.name);
      await this.typeDate(`#witness-${String(i)}-birth`, witness.birthDate);
    }
    await this.tabTo('#ceremony-language');
    for (let step = 0; step < form.languageSteps; step++) await this.page.keyboard.press('ArrowDown');
    await this.typeText('#guests', String(form.guests));
    await this.typeDate('#certificate-issued', form.certificateIssuedOn);
  }

  /** Tab to «Bestill vigselen» and Enter. */
  async submit(): Promise<void> {
    await this.tabTo('[data-testid="booking-submit"]');
    await this.page.keyboard.press('Enter');
  }

  /** Waits until the open dialog has faded in (half-transparent text would fail the contrast rule). */
  async dialogSettled(testId: string): Promise<void> {
    await this.page.waitForSelector(`[data-testid="${testId}"][open]`, { visible: true });
    await this.page.waitForFunction(
      (id) => (document.querySelector(`[data-testid="${id}"]`)?.getAnimations({ subtree: true }) ?? []).every((a) => a.playState === 'finished'),
      {},
      testId,
    );
  }
}
