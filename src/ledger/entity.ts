import { slug } from './ids.js';
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

/** Entity ids as `addEntity` takes them: lower case, digits, ':', '.', '_' and '-'. */
export const ENTITY_ID_RE = /^[a-z0-9][a-z0-9:._-]*$/;

/**
 * How to add an entity the ledger does not know, for the end of a message:
 * the CLI command and the HTTP request, with an id made from the name.
 * The message is written once in the ledger for both surfaces, so it names both.
 *
 * @example
 * howToAddEntity('Aleph Alpha')
 * // 'add it first: shakeout entities add --id aleph-alpha --name "Aleph Alpha"
 * //  (HTTP: POST /api/entities {"id":"aleph-alpha","nameEn":"Aleph Alpha","kind":"company"})'
 */
export function howToAddEntity(name: string, kind: EntityKind = 'company'): string {
  const written = name.trim();
  const id = slug(written);
  const latin = ENTITY_ID_RE.test(id) && /^[\p{Script=Latin}\p{N}\s\p{P}\p{S}]+$/u.test(written);
  // a Chinese (or other) name: the id and English name are the user's to choose
  const cli = latin
    ? `--id ${id} --name ${JSON.stringify(written)}`
    : `--id <a lower-case id such as "baichuan-ai"> --name <its English name> --name-zh ${JSON.stringify(written)}`;
  const body = latin
    ? { id, nameEn: written, kind }
    : { id: '<a lower-case id>', nameEn: '<its English name>', nameZh: written, kind };
  const kindFlag = kind === 'company' ? '' : ` --kind ${kind}`;
  return `add it first: shakeout entities add ${cli}${kindFlag} (HTTP: POST /api/entities ${JSON.stringify(body)})`;
}

/**
 * The ids of the entities some fact is about, each with every owner up its `parent` chain: a company whose only
 * figures are on its app or model still has facts (the report, the board and `ledgerCompanies` take it).
 */
export function entitiesWithFacts(entities: readonly Pick<Entity, 'id' | 'parent'>[], facts: readonly { readonly entity: string }[]): Set<string> {
  const parent = new Map(entities.map((e) => [e.id, e.parent]));
  const about = new Set<string>();
  for (const f of facts) {
    for (let id: string | null | undefined = f.entity; id && !about.has(id); id = parent.get(id)) about.add(id);
  }
  return about;
}
