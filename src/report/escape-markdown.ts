/**
 * Text made literal in CommonMark / GitHub Markdown: every character that can
 * open markup (`\ * [ ] < > # | ~` and backticks) gets a backslash, `&`
 * too (so entities stay literal), and `_` where it could start emphasis
 * (not between two letters or digits, as in `snake_case`). Line breaks become
 * spaces, so a source's text cannot start a heading or a list. A source titled
 * `<script>alert(1)</script>` comes out as `\<script\>alert(1)\</script\>`,
 * which renders as the text itself.
 *
 * @example escapeMarkdown('*[x](javascript:1)*') // '\\*\\[x\\](javascript:1)\\*'
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*[\]<>#|~&]/g, (c) => '\\' + c)
    .replace(/_/g, (_c, i: number, s: string) => (/[\p{L}\p{N}]/u.test(s[i - 1] ?? '') && /[\p{L}\p{N}]/u.test(s[i + 1] ?? '') ? '_' : '\\_'));
}
