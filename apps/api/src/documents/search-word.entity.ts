import { Entity, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantEntity } from '../core/tenant-entity.js';

/**
 * A lexeme of the municipality's search vectors (Migration20261208060000SearchMatching), kept by
 * database triggers, never written by the application. Search reads it to widen a search word
 * to the compounds that contain it; its trigram index is written by hand in the migration.
 */
@Entity({ tableName: 'search_word' })
@Unique({ name: 'search_word_word_unique', properties: ['municipality', 'word'] })
export class SearchWord extends TenantEntity {
  @Property({ type: 'text' })
  word!: string;
}
