import { createHash } from 'node:crypto';

/**
 * Content-Security-Policy of every response: scripts, styles, fonts and data
 * from this server only (no outside script can run in the dashboard), no
 * framing, no plugins.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * The product's policy as a header value, with extra sources per directive
 * (the HTML report allows its own stylesheet and style attributes by their
 * hashes, nothing else inline).
 */
export function contentSecurityPolicy(extra: Partial<Record<keyof typeof CONTENT_SECURITY_POLICY, readonly string[]>> = {}): string {
  return Object.entries(CONTENT_SECURITY_POLICY)
    .map(([k, v]) => `${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${[...v, ...(extra[k as keyof typeof CONTENT_SECURITY_POLICY] ?? [])].join(' ')}`)
    .join('; ');
}

/**
 * The style sources an HTML page needs, by hash: its <style> elements and
 * (with 'unsafe-hashes') its distinct style attributes, such as the ones
 * ECharts writes into an inline SVG. Scripts stay forbidden.
 */
export function styleHashes(html: string): string[] {
  const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
  const elements = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
  const attributes = [...new Set([...html.matchAll(/\sstyle="([^"]*)"/g)].map((m) => unescapeAttribute(m[1]!)))];
  return [...elements.map(hash), ...(attributes.length ? ["'unsafe-hashes'", ...attributes.map(hash)] : [])];
}

/** An attribute value as the browser hashes it: after its character references are read. */
function unescapeAttribute(v: string): string {
  return v.replace(/&(quot|apos|lt|gt|amp|#39|#34);/g, (_m, e: string) => ({ quot: '"', apos: "'", lt: '<', gt: '>', amp: '&', '#39': "'", '#34': '"' })[e]!);
}
