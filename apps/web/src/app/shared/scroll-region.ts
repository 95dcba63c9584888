import {
  DestroyRef,
  Directive,
  ElementRef,
  afterNextRender,
  inject,
  input,
  signal,
} from '@angular/core';

/**
 * A wrapper that lets a wide table scroll sideways on a narrow screen. Only
 * while it actually overflows does it become a named, focusable region, so
 * that keyboard users can scroll it without an extra tab stop otherwise.
 */
@Directive({
  selector: '[appScrollRegion]',
  host: {
    class: 'scroll-region',
    '[attr.tabindex]': 'overflowing() ? 0 : null',
    '[attr.role]': 'overflowing() ? "region" : null',
    '[attr.aria-labelledby]': 'overflowing() ? labelledBy() : null',
  },
})
export class ScrollRegion {
  /** Id of the element that names the region (the table's heading or caption). */
  readonly labelledBy = input.required<string>({ alias: 'appScrollRegion' });
  protected readonly overflowing = signal(false);

  constructor() {
    const element = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => {
      if (typeof ResizeObserver === 'undefined') return;
      const observer = new ResizeObserver(() => {
        this.overflowing.set(element.scrollWidth > element.clientWidth + 1);
      });
      observer.observe(element);
      if (element.firstElementChild) observer.observe(element.firstElementChild);
      destroyRef.onDestroy(() => {
        observer.disconnect();
      });
    });
  }
}
