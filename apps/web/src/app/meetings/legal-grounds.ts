import { LEGAL_GROUNDS, type LegalGround } from '@sekretariat/contracts';

/**
 * The legal grounds the API accepts for exempt cases and closed items, from the contracts. The
 * citation is the law's own wording and is shown as it is, in Norwegian.
 */
export type LegalGroundOption = Pick<LegalGround, 'code' | 'citation' | 'mustClose'>;

export const LEGAL_GROUND_OPTIONS: readonly LegalGroundOption[] = LEGAL_GROUNDS;
