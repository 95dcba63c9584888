import { Check, Entity, Enum, Property, Unique } from '@mikro-orm/decorators/legacy';
import { type Opt, OptionalProps } from '@mikro-orm/core';
import { WRITTEN_STANDARDS, type BodyKind, type WrittenStandard } from '@sekretariat/contracts';
import { TenantEntity } from '../core/tenant-entity.js';

/**
 * The municipality's own rules (reglement) that the software applies; one row per municipality, and
 * none until the admin first saves (then every value is the default, see municipality-settings.rules.ts).
 */
@Entity({ tableName: 'municipality_settings' })
@Unique({ name: 'municipality_settings_municipality_unique', properties: ['municipality'] })
@Check({
  name: 'municipality_settings_protocol_signatories_check',
  expression: 'protocol_signatories >= 1 and protocol_signatories <= 5',
})
@Check({
  name: 'municipality_settings_substitute_answer_hours_check',
  expression: 'substitute_answer_hours >= 1 and substitute_answer_hours <= 168',
})
export class MunicipalitySettingsRow extends TenantEntity {
  [OptionalProps]?:
    | 'noticeDays'
    | 'writtenStandard'
    | 'remoteMeetingsAllowed'
    | 'remoteMeetingsDecision'
    | 'protocolSignatories'
    | 'substituteAnswerHours'
    | 'documentName'
    | 'coatOfArms'
    | 'coatOfArmsWidth'
    | 'coatOfArmsHeight'
    | 'coatOfArmsBytes'
    | 'coatOfArmsUpdatedAt'
    | 'updatedAt'
    | 'id'
    | 'createdAt';

  /** Days of notice per body type; a type missing here has its default. */
  @Property({ type: 'json', default: '{}' })
  noticeDays: Partial<Record<BodyKind, number>> & Opt = {};

  @Enum({ items: [...WRITTEN_STANDARDS], default: 'nb' })
  writtenStandard: WrittenStandard & Opt = 'nb';

  @Property({ type: 'boolean', default: false })
  remoteMeetingsAllowed: boolean & Opt = false;

  @Property({ type: 'string', length: 200, default: '' })
  remoteMeetingsDecision: string & Opt = '';

  @Property({ type: 'integer', default: 2 })
  protocolSignatories: number & Opt = 2;

  @Property({ type: 'integer', default: 24 })
  substituteAnswerHours: number & Opt = 24;

  @Property({ type: 'string', length: 200, default: '' })
  documentName: string & Opt = '';

  /** A PNG checked on upload (coat-of-arms.ts); never SVG, which can carry script. */
  @Property({ type: 'blob', nullable: true, lazy: true })
  coatOfArms: Buffer | null = null;

  @Property({ type: 'integer', nullable: true })
  coatOfArmsWidth: number | null = null;

  @Property({ type: 'integer', nullable: true })
  coatOfArmsHeight: number | null = null;

  @Property({ type: 'integer', nullable: true })
  coatOfArmsBytes: number | null = null;

  @Property({ type: 'datetime', nullable: true })
  coatOfArmsUpdatedAt: Date | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  updatedAt: Date & Opt = new Date();
}
