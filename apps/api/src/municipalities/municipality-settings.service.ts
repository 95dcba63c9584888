import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import type { MunicipalitySettings, MunicipalitySettingsInput } from '@sekretariat/contracts';
import { AuditService } from '../audit/audit.service.js';
import { NotFoundError } from '../common/errors/domain-error.js';
import { checkCoatOfArms } from './coat-of-arms.js';
import { MunicipalitiesService } from './municipalities.service.js';
import { MunicipalitySettingsRow } from './municipality-settings.entity.js';
import {
  DEFAULT_SETTINGS,
  noticeDaysWithDefaults,
  type EffectiveSettings,
} from './municipality-settings.rules.js';
import { currentScope } from '../core/tenant.js';

/**
 * The municipality's settings (its reglement): read by other modules through `get()` with the
 * defaults applied, changed by the admin. Runs on the request's (or job's) transaction, so row-level
 * security keeps each municipality to its own row. Every change audited.
 */
@Injectable()
export class MunicipalitySettingsService {
  constructor(
    @Inject(EntityManager) private readonly em: EntityManager,
    private readonly audit: AuditService,
    private readonly municipalities: MunicipalitiesService,
  ) {}

  private row(coatOfArms = false): Promise<MunicipalitySettingsRow | null> {
    return this.em.findOne(
      MunicipalitySettingsRow,
      { municipality: currentScope().municipalityId },
      coatOfArms ? { populate: ['coatOfArms'] } : {},
    );
  }

  /** The settings in force, defaults where nothing is saved; the coat of arms only when asked for (it is up to 256 kB). */
  async get(options: { coatOfArms?: boolean } = {}): Promise<EffectiveSettings> {
    const row = await this.row(options.coatOfArms);
    const municipality = await this.municipalities.byId(currentScope().municipalityId);
    const image =
      options.coatOfArms && row?.coatOfArms
        ? { png: row.coatOfArms, width: row.coatOfArmsWidth ?? 0, height: row.coatOfArmsHeight ?? 0 }
        : null;
    if (!row)
      return {
        ...DEFAULT_SETTINGS,
        noticeDays: { ...DEFAULT_SETTINGS.noticeDays },
        documentName: municipality.name,
        coatOfArms: null,
      };
    return {
      noticeDays: noticeDaysWithDefaults(row.noticeDays),
      writtenStandard: row.writtenStandard,
      remoteMeetingsAllowed: row.remoteMeetingsAllowed,
      remoteMeetingsDecision: row.remoteMeetingsDecision,
      protocolSignatories: row.protocolSignatories,
      substituteAnswerHours: row.substituteAnswerHours,
      documentName: row.documentName || municipality.name,
      coatOfArms: image,
    };
  }

  /** The settings as the admin page shows them. */
  async view(): Promise<MunicipalitySettings> {
    const row = await this.row();
    const municipality = await this.municipalities.byId(currentScope().municipalityId);
    const effective = await this.get();
    return {
      noticeDays: effective.noticeDays,
      writtenStandard: effective.writtenStandard,
      remoteMeetingsAllowed: effective.remoteMeetingsAllowed,
      remoteMeetingsDecision: effective.remoteMeetingsDecision,
      protocolSignatories: effective.protocolSignatories,
      substituteAnswerHours: effective.substituteAnswerHours,
      documentName: row?.documentName ?? '',
      municipalityName: municipality.name,
      coatOfArms:
        row?.coatOfArmsUpdatedAt && row.coatOfArmsBytes
          ? {
              width: row.coatOfArmsWidth ?? 0,
              height: row.coatOfArmsHeight ?? 0,
              bytes: row.coatOfArmsBytes,
              updatedAt: row.coatOfArmsUpdatedAt.toISOString(),
              url: `/api/public/${municipality.slug}/coat-of-arms.png?v=${row.coatOfArmsUpdatedAt.getTime()}`,
            }
          : null,
      updatedAt: row?.updatedAt.toISOString() ?? null,
    };
  }

  /** The municipality's row, created with the defaults if missing, locked for this transaction (two admins saving at once queue). */
  private async lockedRow(): Promise<MunicipalitySettingsRow> {
    const municipalityId = currentScope().municipalityId;
    await this.em.execute(
      `insert into "municipality_settings" ("id", "municipality_id") values (?, ?) on conflict ("municipality_id") do nothing`,
      [randomUUID(), municipalityId],
    );
    const row = await this.em.findOne(
      MunicipalitySettingsRow,
      { municipality: municipalityId },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    if (!row) throw new NotFoundError('innstillingene');
    return row;
  }

  async update(input: MunicipalitySettingsInput): Promise<MunicipalitySettings> {
    const row = await this.lockedRow();
    const before = {
      noticeDays: noticeDaysWithDefaults(row.noticeDays),
      writtenStandard: row.writtenStandard,
      remoteMeetingsAllowed: row.remoteMeetingsAllowed,
      remoteMeetingsDecision: row.remoteMeetingsDecision,
      protocolSignatories: row.protocolSignatories,
      substituteAnswerHours: row.substituteAnswerHours,
      documentName: row.documentName,
    };
    this.em.assign(row, { ...input, noticeDays: { ...input.noticeDays }, updatedAt: new Date() });
    this.audit.record({
      action: 'municipality.settings.update',
      entityType: 'municipality_settings',
      entityId: row.id,
      before,
      after: input,
    });
    await this.em.flush();
    return this.view();
  }

  /** Stores a checked PNG (coat-of-arms.ts) in place of any earlier one. */
  async setCoatOfArms(data: Buffer): Promise<MunicipalitySettings> {
    const { width, height } = checkCoatOfArms(data);
    const row = await this.lockedRow();
    const before = row.coatOfArmsBytes
      ? { width: row.coatOfArmsWidth, height: row.coatOfArmsHeight, bytes: row.coatOfArmsBytes }
      : null;
    const now = new Date();
    this.em.assign(row, {
      coatOfArms: data,
      coatOfArmsWidth: width,
      coatOfArmsHeight: height,
      coatOfArmsBytes: data.length,
      coatOfArmsUpdatedAt: now,
      updatedAt: now,
    });
    const sha256 = createHash('sha256').update(data).digest('hex');
    this.audit.record({
      action: 'municipality.coat_of_arms.set',
      entityType: 'municipality_settings',
      entityId: row.id,
      before,
      after: { width, height, bytes: data.length, sha256 },
    });
    await this.em.flush();
    return this.view();
  }

  async deleteCoatOfArms(): Promise<MunicipalitySettings> {
    const row = await this.lockedRow();
    if (row.coatOfArmsBytes) {
      const before = { width: row.coatOfArmsWidth, height: row.coatOfArmsHeight, bytes: row.coatOfArmsBytes };
      this.em.assign(row, {
        coatOfArms: null,
        coatOfArmsWidth: null,
        coatOfArmsHeight: null,
        coatOfArmsBytes: null,
        coatOfArmsUpdatedAt: null,
        updatedAt: new Date(),
      });
      this.audit.record({
        action: 'municipality.coat_of_arms.delete',
        entityType: 'municipality_settings',
        entityId: row.id,
        before,
      });
      await this.em.flush();
    }
    return this.view();
  }

  /** The PNG for the public address; 404 when none is set. */
  async coatOfArmsPng(): Promise<Buffer> {
    const row = await this.row(true);
    if (!row?.coatOfArms) throw new NotFoundError('kommunevåpenet');
    return row.coatOfArms;
  }
}
