import { WeddingsPage } from './weddings-page.js';

/**
 * The staff's setup pages (/vigsler/oppsett/…) and the couple's change of details behind the
 * link, by keyboard only, on top of the couple's page object (Tab to a control, then type, the
 * arrow keys, Enter).
 */
export class WeddingsSetupPage extends WeddingsPage {
  /** The status region's text after a save (the success message). */
  async waitForStatus(contains: string): Promise<string> {
    await this.page.waitForFunction(
      (text) => (document.querySelector('[data-testid="setup-status"]')?.textContent ?? '').includes(text),
      {},
      contains,
    );
    return this.textOf('[data-testid="setup-status"]');
  }

  /** Tab to a setup area's link and Enter; resolves with the new page's heading. */
  async openArea(path: string, heading: string): Promise<void> {
    await this.tabTo(`[data-testid="setup-nav-${path}"]`);
    await this.page.keyboard.press('Enter');
    await this.waitForHeading(heading);
    await this.page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  }

  /** Chooses an option of a select by the arrow keys (from the first option), by its value. */
  async chooseOption(selector: string, value: string): Promise<void> {
    await this.page.waitForFunction(
      (sel, v) => [...(document.querySelector<HTMLSelectElement>(sel)?.options ?? [])].some((o) => o.value === v),
      {},
      selector,
      value,
    );
    await this.tabTo(selector);
    await this.page.keyboard.press('Home');
    const index = await this.page.$eval(selector, (s, v) => [...(s as HTMLSelectElement).options].findIndex((o) => o.value === v), value);
    for (let i = 0; i < index; i++) await this.page.keyboard.press('ArrowDown');
    const chosen = await this.page.$eval(selector, (s) => (s as HTMLSelectElement).value);
    if (chosen !== value) throw new Error(`${selector} holds ${chosen}, not ${value}`);
  }

  /** Tab into the booking page's places and ArrowDown until the place with this id is chosen. */
  async choosePlace(placeId: string): Promise<void> {
    await this.page.waitForSelector(`#place-${placeId}`);
    await this.tabTo('input[name="wedding-place"]');
    for (let i = 0; i < 100; i++) {
      if (await this.page.$eval(`#place-${placeId}`, (r) => (r as HTMLInputElement).checked)) return;
      await this.page.keyboard.press('ArrowDown');
    }
    throw new Error(`The place ${placeId} could not be chosen with the arrow keys`);
  }

  /** The first free time's button text, from this month on («Neste måned» while a month has none). */
  async firstSlotText(): Promise<string> {
    const first = '[data-testid="days"] [data-testid="slot"]';
    for (let month = 0; ; month++) {
      await this.page.waitForFunction(() => {
        const name = document.querySelector('[data-testid="month-name"]')?.textContent?.trim() ?? '';
        const count = document.querySelector('[data-testid="slot-count"]')?.textContent?.trim() ?? '';
        return name !== '' && count.includes(name);
      });
      if (await this.page.$(first)) return this.textOf(first);
      if (month > 12) throw new Error('No free wedding time at the place in the coming year');
      const before = await this.textOf('[data-testid="month-name"]');
      await this.tabTo('[data-testid="month-next"]');
      await this.page.keyboard.press('Enter');
      await this.page.waitForFunction((b) => document.querySelector('[data-testid="month-name"]')?.textContent?.trim() !== b, {}, before);
    }
  }

  /** Whether focus is on the error summary (after a failed submit). */
  async focusOnErrorSummary(): Promise<void> {
    await this.page.waitForFunction(() => document.activeElement?.classList.contains('ds-error-summary') ?? false);
  }
}
