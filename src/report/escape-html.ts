const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text made safe for HTML element content and quoted attribute values:
 * `& < > " '` become entities, so a source titled `<script>alert(1)</script>`
 * shows as text.
 *
 * @example escapeHtml('<b>"AT&T"</b>') // '&lt;b&gt;&quot;AT&amp;T&quot;&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}
