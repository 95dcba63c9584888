import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

@Component({
  selector: 'app-not-found-page',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="ds-heading" data-size="lg">{{ 'notFound.heading' | transloco }}</h1>
    <p class="ds-paragraph text">{{ 'notFound.text' | transloco }}</p>
    <ul class="ds-list">
      <li>
        <a class="ds-link" routerLink="/">{{ 'notFound.home' | transloco }}</a>
      </li>
      <li>
        <a class="ds-link" routerLink="/organer">{{ 'notFound.bodies' | transloco }}</a>
      </li>
    </ul>
  `,
  styles: `
    .text {
      margin-block: var(--ds-size-4);
    }
  `,
})
export class NotFoundPage {}
