import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  PendingTasks,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { filter, map } from 'rxjs';
import {
  type NavGroupKey,
  type NavItem,
  activeNavPath,
  navEntriesFor,
  navItemsFor,
} from '../core/navigation/nav-items';
import { SessionStore } from '../core/session/session-store';
import { LanguageSelect } from './language-select';

@Component({
  selector: 'app-site-header',
  host: { '(document:click)': 'closeOnOutsideClick($event)' },
  imports: [RouterLink, TranslocoPipe, LanguageSelect],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './site-header.html',
  styleUrl: './site-header.css',
})
export class SiteHeader {
  private readonly router = inject(Router);
  private readonly pendingTasks = inject(PendingTasks);
  protected readonly session = inject(SessionStore);
  protected readonly navItems = computed(() => navItemsFor(this.session.callers()));
  protected readonly navEntries = computed(() => navEntriesFor(this.navItems()));
  protected readonly loggingOut = signal(false);
  /** The phone's menu (the button shows only on narrow screens). */
  protected readonly menuOpen = signal(false);
  /** The group whose links are shown, at most one. */
  protected readonly openGroup = signal<NavGroupKey | null>(null);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  private readonly url = toSignal(
    this.router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map((event) => event.urlAfterRedirects),
    ),
    { initialValue: this.router.url },
  );
  /** One current entry at most: `/organer/import` is Import, not also Politiske organer. */
  protected readonly activePath = computed(() => activeNavPath(this.url(), this.navItems()));
  protected readonly onLoginPage = computed(() => this.url().startsWith('/logg-inn'));
  /** Come back to the current page after signing in. */
  protected readonly loginQueryParams = computed(() => {
    const url = this.url();
    return url === '/' || this.onLoginPage() ? {} : { returnUrl: url };
  });

  constructor() {
    // A link followed closes the menu and its group.
    this.router.events
      .pipe(
        filter((event) => event instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe(() => {
      this.menuOpen.set(false);
      this.openGroup.set(null);
    });
  }

  protected groupActive(items: readonly NavItem[]): boolean {
    return items.some((item) => item.path === this.activePath());
  }

  protected toggleGroup(key: NavGroupKey): void {
    this.openGroup.set(this.openGroup() === key ? null : key);
  }

  /** Escape closes the open group (focus back on its button), else the phone's menu. */
  protected closeOnEscape(): void {
    const group = this.openGroup();
    const element = this.host.nativeElement;
    if (group) {
      this.openGroup.set(null);
      element.querySelector<HTMLElement>(`[aria-controls="nav-group-${group}"]`)?.focus();
    } else if (this.menuOpen()) {
      this.menuOpen.set(false);
      element.querySelector<HTMLElement>('[data-testid="nav-menu-toggle"]')?.focus();
    }
  }

  protected closeOnOutsideClick(event: MouseEvent): void {
    const target = event.target as Node | null;
    if (this.openGroup() && !this.host.nativeElement.querySelector('.nav')?.contains(target)) {
      this.openGroup.set(null);
    }
  }

  protected logout(): void {
    this.pendingTasks.run(() => this.signOut());
  }

  private async signOut(): Promise<void> {
    if (this.loggingOut()) return;
    this.loggingOut.set(true);
    try {
      await this.session.logout();
    } catch {
      // The local session is cleared either way (see SessionStore.logout).
    } finally {
      this.loggingOut.set(false);
    }
    // 'reload' also when already on the front page, so focus moves to its heading as after any navigation.
    await this.router.navigateByUrl('/', { onSameUrlNavigation: 'reload' });
  }
}
