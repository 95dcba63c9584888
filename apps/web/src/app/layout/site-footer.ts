import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { SessionStore } from '../core/session/session-store';

@Component({
  selector: 'app-site-footer',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <footer class="site-footer">
      <div class="container">
        <p class="ds-paragraph" data-size="sm">
          Sekretariat
          @if (session.municipality(); as municipality) {
            – {{ municipality.name }}
          }
        </p>
        <ul class="links">
          <li>
            <a class="ds-link" routerLink="/tilgjengelighet">{{
              'footer.accessibility' | transloco
            }}</a>
          </li>
          <li>
            <a class="ds-link" href="/api/docs">{{ 'footer.apiDocs' | transloco }}</a>
          </li>
        </ul>
      </div>
    </footer>
  `,
  styles: `
    .site-footer {
      margin-top: var(--ds-size-12);
      padding-block: var(--ds-size-6);
      border-top: var(--ds-border-width-default) solid var(--ds-color-neutral-border-subtle);
      background: var(--ds-color-neutral-background-tinted);
    }
    .links {
      display: flex;
      flex-wrap: wrap;
      gap: var(--ds-size-2) var(--ds-size-6);
      margin: var(--ds-size-3) 0 0;
      padding: 0;
      list-style: none;
    }
  `,
})
export class SiteFooter {
  protected readonly session = inject(SessionStore);
}
