import type { Entity } from '../ledger/index.js';

/** One name of a known entity found in a text. */
export interface EntityMention {
  readonly entity: Entity;
  /** The name as written in the text. */
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

interface Name {
  readonly entity: Entity;
  readonly lower: string;
}

const isLatin = (c: string | undefined): boolean => c !== undefined && /[a-z0-9]/i.test(c);

/**
 * Finds the ledger's entities by their names and aliases (English and
 * Chinese) in text. Names shorter than two characters are not looked for;
 * a Latin name matches whole words only ("Claude" not in "Claudette"), case
 * aside; where names overlap, the longest wins ("ChatGPT Plus" over
 * "ChatGPT", "中国AI领域" over "中国AI").
 */
export class EntityNames {
  private readonly names: readonly Name[];

  constructor(entities: readonly Entity[]) {
    const names: Name[] = [];
    const seen = new Set<string>();
    for (const entity of entities) {
      for (const n of [entity.nameEn, entity.nameZh, ...entity.aliases]) {
        const lower = (n ?? '').trim().toLowerCase();
        if (lower.length < 2 || seen.has(lower)) continue;
        seen.add(lower);
        names.push({ entity, lower });
      }
    }
    this.names = names.sort((a, b) => b.lower.length - a.lower.length);
  }

  /** Every mention in `text`, in order of position. */
  find(text: string): EntityMention[] {
    const lower = text.toLowerCase();
    const kept: EntityMention[] = [];
    for (const n of this.names) {
      for (let at = lower.indexOf(n.lower); at >= 0; at = lower.indexOf(n.lower, at + 1)) {
        const end = at + n.lower.length;
        if (/^[a-z0-9]/.test(n.lower) && isLatin(lower[at - 1])) continue;
        if (/[a-z0-9]$/.test(n.lower) && isLatin(lower[end])) continue;
        if (kept.some((k) => at < k.end && k.start < end)) continue;
        kept.push({ entity: n.entity, name: text.slice(at, end), start: at, end });
      }
    }
    return kept.sort((a, b) => a.start - b.start);
  }
}
