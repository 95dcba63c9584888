import { AppPage } from './app-page.js';

export interface NewBody {
  name: string;
  kind: string;
  seats: number;
  termFrom: string;
  termTo: string;
}

/** Nytt organ / endre organ (`/organer/ny`, `/organer/:id/rediger`). */
export class BodyFormPage extends AppPage {
  /** Fills the form and saves; resolves on the new body's page with its id. */
  async create(body: NewBody): Promise<string> {
    await this.page.waitForSelector('#body-name');
    await this.page.type('#body-name', body.name);
    await this.page.select('#body-kind', body.kind);
    await this.setValue('#body-seats', String(body.seats));
    await this.setValue('#body-term-from', body.termFrom);
    await this.setValue('#body-term-to', body.termTo);
    await Promise.all([
      this.page.waitForResponse((r) => r.url().endsWith('/api/bodies') && r.request().method() === 'POST'),
      this.page.click('[data-testid="body-form-submit"]'),
    ]);
    await this.page.waitForFunction(() => /^\/organer\/[0-9a-f-]{36}$/.test(location.pathname));
    await this.page.waitForSelector('[data-testid="members-pdf"]');
    return this.page.evaluate(() => location.pathname.split('/').pop() ?? '');
  }
}
