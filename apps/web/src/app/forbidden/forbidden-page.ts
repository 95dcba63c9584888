import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

/** Where requireRoles sends a signed-in user who lacks the role for a page. */
@Component({
  selector: 'app-forbidden-page',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="ds-heading" data-size="lg">{{ 'forbidden.heading' | transloco }}</h1>
    <p class="ds-paragraph text">{{ 'forbidden.text' | transloco }}</p>
    <p class="ds-paragraph">
      <a class="ds-link" routerLink="/">{{ 'forbidden.home' | transloco }}</a>
    </p>
  `,
  styles: `
    .text {
      margin-block: var(--ds-size-4);
      max-width: 40em;
    }
  `,
})
export class ForbiddenPage {}
