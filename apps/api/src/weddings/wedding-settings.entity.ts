import { Check, Entity, Property, Unique } from '@mikro-orm/decorators/legacy';
import { type Opt, OptionalProps } from '@mikro-orm/core';
import { TenantEntity } from '../core/tenant-entity.js';

/**
 * The municipality's wedding settings (one row): the fee for couples not married free, the public
 * text in nb/nn/en, how many months the couple's personal data is kept (docs/weddings.md, Retention).
 */
@Entity({ tableName: 'wedding_settings' })
@Check({ name: 'wedding_settings_retention_months_check', expression: 'retention_months >= 1 and retention_months <= 120' })
@Unique({ name: 'wedding_settings_municipality_unique', properties: ['municipality'] })
export class WeddingSettings extends TenantEntity {
  [OptionalProps]?: 'feeNok' | 'infoNb' | 'infoNn' | 'infoEn' | 'retentionMonths' | 'id' | 'createdAt';

  @Property({ type: 'integer', default: 0 })
  feeNok: number & Opt = 0;

  @Property({ type: 'text', default: '' })
  infoNb: string & Opt = '';

  @Property({ type: 'text', default: '' })
  infoNn: string & Opt = '';

  @Property({ type: 'text', default: '' })
  infoEn: string & Opt = '';

  @Property({ type: 'integer', default: 12 })
  retentionMonths: number & Opt = 12;
}
