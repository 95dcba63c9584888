import { Injectable, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { type RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { BehaviorSubject, combineLatest, of, switchMap } from 'rxjs';

interface PageTitle {
  /** Translation key from the route's `title`. */
  readonly key: string | null;
  /** Data-specific detail a page adds, e.g. the name of a body. */
  readonly detail: string | null;
}

/**
 * Route titles are translation keys. The document title becomes
 * "<detail> – <page> – Sekretariat" in the active language, and follows
 * language switches.
 */
@Injectable({ providedIn: 'root' })
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly transloco = inject(TranslocoService);
  private readonly page = new BehaviorSubject<PageTitle>({ key: null, detail: null });

  constructor() {
    super();
    combineLatest([this.page, this.transloco.langChanges$])
      .pipe(
        switchMap(([page]) =>
          combineLatest([
            page.key ? this.transloco.selectTranslate<string>(page.key) : of(null),
            of(page.detail),
          ]),
        ),
      )
      .subscribe(([pageName, detail]) => {
        this.title.setTitle([detail, pageName, 'Sekretariat'].filter(Boolean).join(' – '));
      });
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.page.next({ key: this.buildTitle(snapshot) ?? null, detail: null });
  }

  /** Adds a detail in front of the route's title, until the next navigation. */
  setDetail(detail: string | null): void {
    const current = this.page.getValue();
    if (current.detail !== detail) {
      this.page.next({ ...current, detail });
    }
  }
}
