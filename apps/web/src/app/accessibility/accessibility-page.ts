import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '../core/i18n/language.service';
import { SessionStore } from '../core/session/session-store';
import { IsoDatePipe } from '../shared/iso-date.pipe';

/** Update together with the statement's text in public/i18n/*.json. */
const STATEMENT_UPDATED = '2026-11-25';

/**
 * The accessibility statement (tilgjengelighetserklæring), following the
 * structure of the model from Tilsynet for universell utforming av ikt.
 */
@Component({
  selector: 'app-accessibility-page',
  imports: [TranslocoPipe, IsoDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './accessibility-page.html',
  styleUrl: './accessibility-page.css',
})
export class AccessibilityPage {
  protected readonly session = inject(SessionStore);
  protected readonly language = inject(LanguageService);
  protected readonly updated = STATEMENT_UPDATED;
}
