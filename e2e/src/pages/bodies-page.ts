import { AppPage } from './app-page.js';

export class BodiesPage extends AppPage {
  async open(): Promise<void> {
    await this.goto('/organer');
    await this.page.waitForSelector('[data-testid="bodies-table"] a');
  }

  bodyNames(): Promise<string[]> {
    return this.page.$$eval('[data-testid="bodies-table"] a', (as) => as.map((a) => a.textContent?.trim() ?? ''));
  }

  async openBody(name: string): Promise<void> {
    await this.clickLink(name);
    await this.page.waitForSelector('[data-testid="members-pdf"]');
  }

  /** Names in the members table (the first cell of each row). */
  memberNames(): Promise<string[]> {
    return this.page.$$eval('[data-testid="members-table"] tbody tr td:first-child', (tds) =>
      tds.map((td) => td.textContent?.trim() ?? ''),
    );
  }

  /** Substitutes per list as `rank. name`, keyed by the list (`data-list`; '' for one common list). */
  substitutesByList(): Promise<Record<string, string[]>> {
    return this.page.$$eval('[data-testid="substitutes-table"]', (tables) =>
      Object.fromEntries(
        tables.map((table) => [
          table.getAttribute('data-list') ?? '',
          [...table.querySelectorAll('tbody tr')].map((row) => {
            const [rank, name] = [...row.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '');
            return `${rank ?? ''}. ${name ?? ''}`;
          }),
        ]),
      ),
    );
  }

  /** Downloads the member list the way the link would, with the page's own cookies. */
  async downloadMembersPdf(): Promise<{ status: number; type: string | null; bytes: Buffer }> {
    return this.download('[data-testid="members-pdf"]');
  }

  /** Downloads what a link points at, with the page's own cookies. */
  async download(selector: string): Promise<{ status: number; type: string | null; bytes: Buffer }> {
    const href = await this.page.$eval(selector, (a) => (a as HTMLAnchorElement).href);
    const result = await this.page.evaluate(async (url) => {
      const res = await fetch(url, { credentials: 'include' });
      const buf = new Uint8Array(await res.arrayBuffer());
      let bin = '';
      for (const b of buf) bin += String.fromCharCode(b);
      return { status: res.status, type: res.headers.get('content-type'), base64: btoa(bin) };
    }, href);
    return { status: result.status, type: result.type, bytes: Buffer.from(result.base64, 'base64') };
  }
}
