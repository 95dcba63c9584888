import type { Residence } from '@sekretariat/contracts';

/**
 * What a couple pays (el. § 12 a): free when at least one party resides in the municipality, or
 * neither resides in Norway; others pay the municipality's fee.
 */
export function weddingFee(residences: readonly Residence[], feeNok: number): { free: boolean; amountNok: number } {
  const free = residences.includes('municipality') || residences.every((r) => r === 'abroad');
  return { free, amountNok: free ? 0 : feeNok };
}
