import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Component } from '@angular/core';
import { Router, provideRouter } from '@angular/router';
import type { SessionUser } from '@sekretariat/contracts';
import { MUNICIPALITY, SECRETARIAT_USER } from '../testing/fixtures';
import { translocoTesting } from '../testing/i18n-testing';
import { App } from './app';
import { apiInterceptor } from './core/api/api.interceptor';
import { SessionStore } from './core/session/session-store';

@Component({ template: '<h1>Test</h1>' })
class StubPage {}

describe('App shell', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [App, translocoTesting()],
      providers: [
        provideRouter([
          { path: 'organer/:id', component: StubPage },
          { path: 'logg-inn', component: StubPage },
        ]),
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
  });

  async function render(user: SessionUser | null): Promise<ComponentFixture<App>> {
    const loading = TestBed.inject(SessionStore).load();
    http.expectOne('/api/auth/me').flush({ user });
    http.expectOne('/api/municipalities/current').flush(MUNICIPALITY);
    await loading;
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    return fixture;
  }

  it('has a skip link, one main landmark, the municipality and the visitor navigation', async () => {
    const element = (await render(null)).nativeElement as HTMLElement;
    expect(element.querySelector('a.ds-skip-link')?.getAttribute('href')).toBe('#main');
    expect(element.querySelectorAll('main#main')).toHaveLength(1);
    expect(element.querySelector('header')?.textContent).toContain('Eksempel kommune');
    expect(element.querySelector('header')?.textContent).toContain('Sekretariat');
    const nav = [...element.querySelectorAll('nav a')].map((link) => link.textContent.trim());
    expect(nav).toEqual(['Forside', 'Politiske organer', 'Møtekalender', 'Vigsel']);
    expect(element.querySelector('header a[href^="/logg-inn"]')?.textContent).toContain('Logg inn');
    expect(element.querySelector('[data-testid="logout"]')).toBeNull();
    expect(element.querySelector('select#language')).not.toBeNull();
    expect(element.querySelector('footer a[href="/tilgjengelighet"]')?.textContent).toContain(
      'Tilgjengelighetserklæring',
    );
    expect(element.querySelector('footer a[href="/api/docs"]')).not.toBeNull();
  });

  it('shows a signed-in user by name with a logout button that ends the session', async () => {
    const fixture = await render(SECRETARIAT_USER);
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('[data-testid="current-user"]')?.textContent.trim()).toBe(
      'Kari Nordmann',
    );
    element.querySelector<HTMLButtonElement>('[data-testid="logout"]')?.click();
    http.expectOne('/api/auth/logout').flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    expect(TestBed.inject(SessionStore).isSignedIn()).toBe(false);
  });

  it('sends visitors back to the page they were on after signing in, and hides the link on the login page', async () => {
    const fixture = await render(null);
    const element = fixture.nativeElement as HTMLElement;
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/organer/123');
    await fixture.whenStable();
    expect(element.querySelector('header a[href^="/logg-inn"]')?.getAttribute('href')).toBe(
      '/logg-inn?returnUrl=%2Forganer%2F123',
    );
    await router.navigateByUrl('/logg-inn');
    await fixture.whenStable();
    expect(element.querySelector('header a[href^="/logg-inn"]')).toBeNull();
  });

  it('folds the secretariat register and meetings into groups that open, close on Escape and on a link followed', async () => {
    const fixture = await render(SECRETARIAT_USER);
    const element = fixture.nativeElement as HTMLElement;
    const topLevel = [...element.querySelectorAll('nav .entries > li > :is(a, button)')].map(
      (entry) => entry.textContent.trim(),
    );
    expect(topLevel).toEqual(['Forside', 'Organer og personer', 'Møter og saker', 'Søk', 'Valg']);
    const toggle = element.querySelector<HTMLButtonElement>('[data-testid="nav-group-register"]')!;
    const panel = element.querySelector<HTMLElement>('#nav-group-register')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(panel.hidden).toBe(true);
    toggle.click();
    await fixture.whenStable();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect([...panel.querySelectorAll('a')].map((a) => a.textContent.trim())).toEqual([
      'Politiske organer',
      'Personer',
      'Import',
      'Gruppestøtte',
    ]);
    panel.querySelector('a')!.focus();
    panel
      .querySelector('a')!
      .dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await fixture.whenStable();
    expect(panel.hidden).toBe(true);
    expect(document.activeElement).toBe(toggle);

    toggle.click();
    await fixture.whenStable();
    await TestBed.inject(Router).navigateByUrl('/organer/123');
    await fixture.whenStable();
    expect(panel.hidden).toBe(true);
    // The group holding the current page is marked, the page's link is the current one.
    expect(toggle.classList).toContain('active');
    expect(panel.querySelector('a[aria-current="page"]')?.textContent.trim()).toBe(
      'Politiske organer',
    );
  });

  it('has a menu button for phones that shows and hides the entries', async () => {
    const fixture = await render(SECRETARIAT_USER);
    const element = fixture.nativeElement as HTMLElement;
    const menu = element.querySelector<HTMLButtonElement>('[data-testid="nav-menu-toggle"]')!;
    expect(menu.getAttribute('aria-controls')).toBe('main-nav-list');
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    menu.click();
    await fixture.whenStable();
    expect(menu.getAttribute('aria-expanded')).toBe('true');
    expect(element.querySelector('nav')?.classList).toContain('open');
  });
});
