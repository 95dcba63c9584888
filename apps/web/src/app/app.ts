import { ChangeDetectionStrategy, Component, DOCUMENT, inject } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { SiteFooter } from './layout/site-footer';
import { SiteHeader } from './layout/site-header';

/** The shell: skip link, header with navigation, the page in `<main>`, footer. */
@Component({
  selector: 'app-root',
  imports: [RouterOutlet, TranslocoPipe, SiteHeader, SiteFooter],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './app.html',
})
export class App {
  private readonly document = inject(DOCUMENT);

  /**
   * With `<base href="/">` a plain `href="#main"` would point at `/#main`
   * and leave the page, so move focus in script and keep the href for semantics.
   */
  protected skipToMain(event: Event): void {
    event.preventDefault();
    const main = this.document.getElementById('main');
    main?.focus();
    main?.scrollIntoView();
  }
}
