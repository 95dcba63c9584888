import { Pipe, type PipeTransform } from '@angular/core';
import { dateTimeFormat } from '../core/i18n/locale-format';

function formatter(locale: string, style: 'short' | 'long'): Intl.DateTimeFormat {
  // The dates are calendar dates (YYYY-MM-DD): format them in UTC so no time zone shifts the day.
  return dateTimeFormat(locale, { dateStyle: style, timeZone: 'UTC' });
}

/**
 * Formats an ISO calendar date (`2025-10-01`) for a locale:
 * `{{ body.termFrom | isoDate: language.locale() }}`. Pure: pass the locale
 * as an argument so that the text follows a language switch.
 */
@Pipe({ name: 'isoDate' })
export class IsoDatePipe implements PipeTransform {
  transform(
    value: string | null | undefined,
    locale: string,
    style: 'short' | 'long' = 'short',
  ): string {
    if (!value) return '';
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!match) return value;
    const [, year, month, day] = match;
    const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
    return formatter(locale, style).format(date);
  }
}
