import { ChangeDetectionStrategy, Component, effect, inject, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { ReaderSync } from './offline/reader-sync';

/**
 * The reader's status line: offline or not, notes waiting to be sent, and what just happened to a
 * note (saved, queued, synced, kept both), announced politely to screen readers.
 */
@Component({
  selector: 'app-sync-status',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (!online()) {
      <div class="ds-alert" data-color="warning" data-testid="reader-offline">
        <p class="ds-paragraph">{{ 'reader.sync.offline' | transloco }}</p>
      </div>
    }
    <div class="sync-live" aria-live="polite" aria-atomic="true" data-testid="reader-status">
      @if (sync.message(); as message) {
        @for (shown of [message.id]; track shown) {
          <p class="ds-paragraph" data-size="sm">
            <span aria-hidden="true">{{
              message.tone === 'warning' ? '⚠' : message.tone === 'info' ? 'ⓘ' : '✓'
            }}</span>
            {{ message.key | transloco: message.params }}
          </p>
        }
      }
      @if (pending() > 0) {
        <p class="ds-paragraph" data-size="sm" data-testid="reader-pending">
          {{ 'reader.sync.pending' | transloco: { count: pending() } }}
        </p>
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
      margin-block: var(--ds-size-3);
    }
    .sync-live:empty {
      display: none;
    }
  `,
})
export class SyncStatus {
  protected readonly sync = inject(ReaderSync);
  protected readonly online = this.sync.online;
  protected readonly pending = signal(0);

  constructor() {
    effect(() => {
      this.sync.changes();
      void this.sync.pending().then((entries) => {
        this.pending.set(entries.length);
      });
    });
  }
}
