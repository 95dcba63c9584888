import { AppPage } from './app-page.js';

export class LoginPage extends AppPage {
  async open(): Promise<void> {
    await this.goto('/logg-inn');
  }

  async login(username: string, password: string): Promise<void> {
    await this.page.type('#username', username);
    await this.page.type('#password', password);
    await Promise.all([
      this.page.waitForResponse((r) => r.url().endsWith('/api/auth/login')),
      this.page.click('button[type="submit"]'),
    ]);
  }
}
