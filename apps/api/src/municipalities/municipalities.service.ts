import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { MunicipalityRef } from '@sekretariat/contracts';
import { CONFIG, type Config } from '../config/config.js';
import { NotFoundError } from '../common/errors/domain-error.js';
import { Municipality } from '../core/municipality.entity.js';

/** The municipalities of this installation. Small and rarely changed, so kept in memory for a minute. */
@Injectable()
export class MunicipalitiesService {
  private cache: { at: number; bySlug: Map<string, MunicipalityRef>; byId: Map<string, MunicipalityRef> } | null = null;

  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  private async load() {
    if (this.cache && Date.now() - this.cache.at < 60_000) return this.cache;
    const rows = await this.orm.em.fork().find(Municipality, {}, { orderBy: { name: 'asc' } });
    const refs = rows.map((m) => ({ id: m.id, slug: m.slug, name: m.name, number: m.number }));
    this.cache = {
      at: Date.now(),
      bySlug: new Map(refs.map((r) => [r.slug, r])),
      byId: new Map(refs.map((r) => [r.id, r])),
    };
    return this.cache;
  }

  invalidate(): void {
    this.cache = null;
  }

  async bySlug(slug: string): Promise<MunicipalityRef> {
    const found = (await this.load()).bySlug.get(slug);
    if (!found) throw new NotFoundError('kommunen');
    return found;
  }

  async byId(id: string): Promise<MunicipalityRef> {
    const found = (await this.load()).byId.get(id);
    if (!found) throw new NotFoundError('kommunen');
    return found;
  }

  /** The municipality a host name serves: MUNICIPALITY_HOSTS, else DEFAULT_MUNICIPALITY, else the only one. */
  async forHost(host: string | undefined): Promise<MunicipalityRef> {
    const cache = await this.load();
    const name = (host ?? '').split(':')[0]!.toLowerCase();
    const slug = this.config.MUNICIPALITY_HOSTS.get(name) ?? this.config.DEFAULT_MUNICIPALITY;
    const found = cache.bySlug.get(slug) ?? (cache.bySlug.size === 1 ? [...cache.bySlug.values()][0] : undefined);
    if (!found) throw new NotFoundError('kommunen for denne adressen');
    return found;
  }
}
