import type { ElementHandle, Page } from 'puppeteer-core';
import { axeViolations, BASE_URL } from '../browser.js';

/** The shell every page shares: header, navigation, language, footer. Page objects extend it. */
export class AppPage {
  /** Every URL visited, with its axe violations: the suite fails on any. */
  static readonly scans: { url: string; violations: string[] }[] = [];

  constructor(readonly page: Page) {}

  async goto(path: string): Promise<void> {
    await this.page.goto(`${BASE_URL}${path}`, { waitUntil: 'networkidle0' });
    await this.waitForHeading();
  }

  /**
   * The page's h1 once it is there; with `expected`, once it reads that (a page may show a
   * placeholder heading while its data loads, or the previous page's heading for a moment).
   */
  async waitForHeading(expected?: string): Promise<string> {
    if (expected === undefined) await this.page.waitForSelector('main h1');
    else await this.page.waitForFunction((text) => document.querySelector('main h1')?.textContent?.trim() === text, {}, expected);
    return this.page.$eval('main h1', (h) => h.textContent?.trim() ?? '');
  }

  async scan(): Promise<string[]> {
    const violations = await axeViolations(this.page);
    AppPage.scans.push({ url: this.page.url(), violations });
    return violations;
  }

  async clickLink(text: string | RegExp): Promise<void> {
    const links = await this.page.$$('a');
    for (const link of links) {
      const label = (await link.evaluate((a) => a.textContent ?? '')).trim();
      if (typeof text === 'string' ? label === text : text.test(label)) {
        await this.revealInMenu(link);
        const before = this.page.url();
        const target = await link.evaluate((a) => a.href);
        await link.click();
        // A link to the page already shown (e.g. the role's landing page) does not change the URL.
        if (target !== before) await this.page.waitForFunction((prev) => location.href !== prev, {}, before);
        await this.waitForHeading();
        return;
      }
    }
    throw new Error(`No link "${String(text)}" on ${this.page.url()}`);
  }

  /**
   * A main-menu link may sit behind the phone's menu button or in a folded group
   * (e.g. Organer og personer): open them as a user would.
   */
  async revealInMenu(link: ElementHandle<Element>): Promise<void> {
    if (await link.isVisible()) return;
    const menu = await this.page.$('[data-testid="nav-menu-toggle"]');
    if (menu && (await menu.isVisible()) && (await menu.evaluate((b) => b.getAttribute('aria-expanded'))) === 'false') {
      await menu.click();
    }
    const group = await link.evaluateHandle((a) => a.closest('li.group')?.querySelector('button') ?? null);
    const toggle = group.asElement() as ElementHandle<Element> | null;
    if (toggle && (await toggle.evaluate((b) => b.getAttribute('aria-expanded'))) === 'false') await toggle.click();
    await this.page.waitForFunction((a) => (a as HTMLElement).checkVisibility(), {}, link);
  }

  /**
   * Sets an input's value the way typing would end (date and number inputs take their
   * value in a locale-dependent format when typed).
   */
  async setValue(selector: string, value: string): Promise<void> {
    await this.page.$eval(
      selector,
      (el, v) => {
        const input = el as HTMLInputElement;
        input.value = v;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
      },
      value,
    );
  }

  async chooseLanguage(lang: 'nb' | 'nn' | 'en'): Promise<void> {
    await this.page.select('#language', lang);
    await this.page.waitForFunction((l) => document.documentElement.lang === l, {}, lang);
  }

  currentUser(): Promise<string | null> {
    return this.page.$eval('[data-testid="current-user"]', (e) => e.textContent?.trim() ?? '').catch(() => null);
  }

  async logout(): Promise<void> {
    // After a viewport change the header may still be re-rendering: wait for the button.
    await this.page.waitForSelector('[data-testid="logout"]', { visible: true });
    await this.page.click('[data-testid="logout"]');
    await this.page.waitForFunction(() => !document.querySelector('[data-testid="current-user"]'));
  }
}
