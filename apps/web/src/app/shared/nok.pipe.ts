import { Pipe, type PipeTransform } from '@angular/core';

const whole = new Intl.NumberFormat('nb-NO', {
  style: 'currency',
  currency: 'NOK',
  maximumFractionDigits: 0,
});
const withOre = new Intl.NumberFormat('nb-NO', {
  style: 'currency',
  currency: 'NOK',
  minimumFractionDigits: 2,
});

/** Norwegian kroner as the budget shows them: `45 000 kr`, øre only when there are any. */
export function formatNok(value: number): string {
  return (Number.isInteger(value) ? whole : withOre).format(value);
}

@Pipe({ name: 'nok' })
export class NokPipe implements PipeTransform {
  transform(value: number | null | undefined): string {
    return value === null || value === undefined ? '' : formatNok(value);
  }
}
