import { AppPage } from './app-page.js';

export interface NewCase {
  archiveReference: string;
  title: string;
  caseOfficer: string;
  summary: string;
  recommendation: string;
}

/** The secretariat's cases: the list (`/saker`) and the case form (`/saker/ny`, `/saker/:id`). */
export class CasesPage extends AppPage {
  async openList(): Promise<void> {
    await this.goto('/saker');
    await this.page.waitForSelector('[data-testid="cases-table"], [data-testid="new-case"]');
  }

  async openNew(): Promise<void> {
    await this.goto('/saker/ny');
    await this.page.waitForSelector('#case-archive-reference');
  }

  /** Fills the form and saves; resolves on the case's own page with its id. */
  async create(kase: NewCase): Promise<string> {
    await this.page.type('#case-archive-reference', kase.archiveReference);
    await this.page.type('#case-title', kase.title);
    await this.page.type('#case-officer', kase.caseOfficer);
    await this.page.type('#case-summary', kase.summary);
    await this.page.type('#case-recommendation', kase.recommendation);
    await Promise.all([
      this.page.waitForResponse((r) => r.url().endsWith('/api/cases') && r.request().method() === 'POST'),
      this.page.click('[data-testid="case-form-submit"]'),
    ]);
    await this.page.waitForFunction(() => /^\/saker\/[0-9a-f-]{36}$/.test(location.pathname));
    await this.page.waitForSelector('[data-testid="case-flash"]');
    await this.page.waitForSelector('[data-testid="saksgang-empty"], [data-testid="saksgang"]');
    await this.page.waitForSelector('[data-testid="no-documents"], [data-testid="document-list"]');
    return this.page.evaluate(() => location.pathname.split('/').pop() ?? '');
  }

  listedTitles(): Promise<string[]> {
    return this.page.$$eval('[data-testid="cases-table"] tbody th', (ths) =>
      ths.map((th) => th.textContent?.trim() ?? ''),
    );
  }
}
