import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { SnippetPart } from '@sekretariat/contracts';

/**
 * A search hit's snippet: plain-text parts, the matched ones in `<mark>`, never HTML. Put it in
 * the page's own paragraph; the page sets `--snippet-mark-background` and
 * `--snippet-mark-font-weight` for how marks look there.
 */
@Component({
  selector: 'app-search-snippet',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (part of parts(); track $index) {
      @if (part.mark) {
        <mark>{{ part.text }}</mark>
      } @else {
        {{ part.text }}
      }
    }
  `,
  styles: `
    mark {
      background: var(--snippet-mark-background, Mark);
      color: inherit;
      font-weight: var(--snippet-mark-font-weight);
    }
  `,
})
export class SearchSnippet {
  readonly parts = input.required<readonly SnippetPart[]>();
}
