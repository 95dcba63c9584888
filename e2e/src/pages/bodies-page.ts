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

  /** Downloads the member list the way the link would, with the page's own cookies. */
  async downloadMembersPdf(): Promise<{ status: number; type: string | null; bytes: Buffer }> {
    const href = await this.page.$eval('[data-testid="members-pdf"]', (a) => (a as HTMLAnchorElement).href);
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
