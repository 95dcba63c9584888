import { AppPage } from './app-page.js';

export class LoginPage extends AppPage {
  async open(): Promise<void> {
    await this.goto('/logg-inn');
  }

  async login(username: string, password: string): Promise<void> {
    await this.page.type('#username', username);
    await this.page.type('#password', password);
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => r.url().endsWith('/api/auth/login')),
      this.page.click('button[type="submit"]'),
    ]);
    // Signed in: the app then goes to the role's landing page. Wait for that navigation, so that a
    // click that follows is not overtaken by it (a link clicked meanwhile would be superseded).
    if (response.ok()) {
      await this.page.waitForFunction(() => !location.pathname.startsWith('/logg-inn'));
      await this.waitForHeading();
    }
  }
}
