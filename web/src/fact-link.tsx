import { href } from './router.js';

/** A fact's id that opens the fact in the ledger, with its source, interval and history. */
export function FactLink({ id }: { id: string }) {
  return <a href={href('ledger', { fact: id })} class="mono fact-link">{id}</a>;
}

/** The facts a figure rests on, each a link. */
export function FactLinks({ ids }: { ids: readonly string[] }) {
  return <>{[...new Set(ids)].map((id) => <FactLink id={id} />)}</>;
}
