import type { EntityKind } from './vocabulary.js';
import type { SourceInput } from './source.js';

/** An entity as the bundled data (data/entities.yaml) writes it. */
export interface EntitySeed {
  readonly id: string;
  readonly nameEn: string;
  readonly nameZh?: string | null;
  readonly aliases?: readonly string[];
  readonly kind: EntityKind;
  readonly parent?: string | null;
  readonly notes?: string | null;
}

/** An event as the bundled data (data/events.yaml) writes it; entities by any name. */
export interface EventSeed {
  readonly id: string;
  readonly entities: readonly string[];
  readonly period: string;
  readonly textZh: string;
  readonly textEn: string;
  readonly source: SourceInput;
  readonly notes?: string | null;
}
