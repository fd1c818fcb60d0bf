/** The funding climates a column can take (the survival analysis's `climate`). */
export const CLIMATES = ['cold', 'neutral', 'hot', 'auto'] as const;
export type Climate = (typeof CLIMATES)[number];

/**
 * One column of the scenarios page: a funding climate with the bundled
 * assumptions (text null), or an assumption set of its own (text: the YAML
 * the simulation reads instead), under a label of the user's (empty: named
 * by what it is).
 */
export interface Column { label: string; climate: Climate; text: string | null }

/** Fewest and most columns side by side. */
export const MIN_COLUMNS = 2;
export const MAX_COLUMNS = 4;

/**
 * Most characters the columns may take in the page's address. Chromium keeps
 * addresses up to 2 MB (its kMaxURLChars), but links are pasted into mail and
 * chat, which cut long ones; past this the page says that the link leaves the
 * texts out, rather than cut them.
 */
export const MAX_LINK_CHARS = 30_000;

const isClimate = (x: unknown): x is Climate => (CLIMATES as readonly unknown[]).includes(x);

function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64url(s: string): Uint8Array<ArrayBuffer> {
  const bin = atob(s.replaceAll('-', '+').replaceAll('_', '/'));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

async function through(bytes: Uint8Array<ArrayBuffer>, stream: CompressionStream | DecompressionStream): Promise<Uint8Array<ArrayBuffer>> {
  const out = new Response(new Blob([bytes]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

/**
 * The columns as one URL parameter: their JSON, deflated and in base64url, so
 * the bundled assumptions (15 kB as a plain query parameter) take under 5 kB
 * of the address. Decoded by {@link decodeColumns}.
 */
export async function encodeColumns(columns: readonly Column[]): Promise<string> {
  const json = JSON.stringify(columns.map((c) => [c.label, c.climate, c.text]));
  return base64url(await through(new TextEncoder().encode(json), new CompressionStream('deflate-raw')));
}

/**
 * The columns of a link made by {@link encodeColumns}; a parameter that is
 * not one (cut short in a mail, typed by hand) is refused with the reason,
 * never read in part.
 */
export async function decodeColumns(param: string): Promise<{ columns: Column[] } | { error: string }> {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder().decode(await through(fromBase64url(param), new DecompressionStream('deflate-raw'))));
  } catch (e) {
    return { error: `the link's columns (${param.length} characters) cannot be read: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (!Array.isArray(raw) || raw.length < MIN_COLUMNS || raw.length > MAX_COLUMNS) {
    return { error: `the link's columns: expected ${MIN_COLUMNS} to ${MAX_COLUMNS} columns, got ${Array.isArray(raw) ? raw.length : typeof raw}` };
  }
  const columns: Column[] = [];
  for (const [i, c] of raw.entries()) {
    if (!Array.isArray(c) || c.length !== 3 || typeof c[0] !== 'string' || !isClimate(c[1]) || (c[2] !== null && typeof c[2] !== 'string')) {
      return { error: `the link's column ${i + 1}: expected [label, climate (${CLIMATES.join(', ')}), assumptions text or null], got ${JSON.stringify(c).slice(0, 80)}` };
    }
    columns.push({ label: c[0], climate: c[1], text: c[2] });
  }
  return { columns };
}

/** The columns of the page's first links (`climates=cold,hot`): climates with the bundled assumptions. */
export function climateColumns(list: string): Column[] {
  return list.split(',').filter(isClimate).slice(0, MAX_COLUMNS).map((climate) => ({ label: '', climate, text: null }));
}
