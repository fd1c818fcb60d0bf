import type { EntityKind } from './vocabulary.js';

/** A company, product, model or aggregate that facts are about. */
export interface Entity {
  /** Stable id: 'openai', 'chatgpt', 'china-ai-sector', 'model:gpt-4'. */
  readonly id: string;
  readonly nameEn: string;
  readonly nameZh: string | null;
  readonly aliases: readonly string[];
  readonly kind: EntityKind;
  /** Id of the owning entity (ChatGPT -> openai), or null. */
  readonly parent: string | null;
  readonly notes: string | null;
}

/** Key used to find an entity by a name: lower-case, no spaces, hyphens, dots or quotes. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\-_'"“”‘’.·]+/g, '');
}
