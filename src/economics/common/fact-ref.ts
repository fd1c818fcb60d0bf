import type { Fact } from '../../ledger/index.js';
import type { InputRef } from '../analysis.js';

/** A fact as an input of an estimate: 'F18 subscription_revenue app_store'. */
export function factRef(fact: Fact, label?: string): InputRef {
  return { kind: 'fact', id: fact.id, label: label ?? `${fact.id} ${fact.metric}${fact.scope ? ` ${fact.scope}` : ''}` };
}
