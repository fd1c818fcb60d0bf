/** The stylesheet of the HTML report (inlined: the file needs no network). */
export const REPORT_CSS = `
:root { --ink: #1d2330; --muted: #5b6475; --line: #dde1e8; --accent: #2f6db5; --bg: #fbfbfc; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink);
  font: 16px/1.65 system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
main { max-width: 920px; margin: 0 auto; padding: 32px 24px 64px; background: #fff; }
h1 { font-size: 1.9em; line-height: 1.25; margin: 0 0 .3em; }
h2 { font-size: 1.35em; margin: 2em 0 .6em; padding-bottom: .25em; border-bottom: 1px solid var(--line); }
.subtitle { color: var(--muted); margin-top: 0; }
nav ol { columns: 2; color: var(--muted); font-size: .92em; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
.num { border-bottom: 1px dotted var(--accent); white-space: nowrap; cursor: help; }
.num:has(> .ci) { white-space: normal; }
.num > .v, .num > .ci { white-space: nowrap; }
td .num > .ci { white-space: normal; }
sup.fnref { font-size: .7em; line-height: 0; margin-left: 1px; }
sup.fnref a { padding: 0 1px; }
table { border-collapse: collapse; width: 100%; margin: 1em 0 1.4em; font-size: .9em; }
th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; vertical-align: top; text-align: left; }
th { background: #f3f5f8; font-weight: 600; }
td.r, th.r { text-align: right; }
figure.chart { margin: 1.4em 0; }
figure.chart svg { width: 100%; height: auto; display: block; border: 1px solid var(--line); border-radius: 4px; }
figcaption { color: var(--muted); font-size: .88em; margin-top: .4em; }
code { font-size: .85em; background: #f3f5f8; padding: 0 3px; border-radius: 3px; word-break: break-all; }
section.footnotes { font-size: .85em; color: var(--muted); }
section.footnotes li { margin-bottom: .5em; }
section.footnotes li:target { background: #fff7d6; }
section.footnotes .line { display: block; }
a.back { margin-left: .4em; }
`;
