// The playground's editor: CodeMirror 6 from its separate packages, loaded
// with this page only. Problems show in place (the server's check, at line and
// column); names complete from the language's functions, and inside fact()
// from the ledger's entities and metrics.
import { autocompletion, closeBrackets, completionKeymap, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, indentOnInput } from '@codemirror/language';
import { linter, lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, drawSelection, highlightActiveLine, keymap, lineNumbers, placeholder } from '@codemirror/view';
import type { Reason } from '../../api.js';
import { modelCheckText } from '../../error-text.js';

export interface Names { functions: string[]; entities: string[]; metrics: string[] }
export interface CheckIssue { code: string; line: number; column: number; from: number; to: number; message: string; suggestion: string | null; reason?: Reason }

export interface EditorOptions {
  doc: string;
  names: () => Names;
  /** The server's check of a source: its problems with offsets. */
  check: (source: string) => Promise<CheckIssue[]>;
  onChange: (source: string) => void;
  onRun: () => void;
  label: string;
  placeholder: string;
}

/** What completes at the cursor: inside fact("…", the entities; at its second argument, the metrics; elsewhere the functions. */
export function completeNames(names: () => Names) {
  return (ctx: CompletionContext): CompletionResult | null => {
    const line = ctx.state.doc.lineAt(ctx.pos);
    const before = line.text.slice(0, ctx.pos - line.from);
    const inFact = /fact\(\s*"([^"]*)$/.exec(before) ?? /fact\(\s*"[^"]*"\s*,\s*"([^"]*)$/.exec(before);
    if (inFact) {
      const second = /,\s*"[^"]*$/.test(before);
      const typed = inFact[1]!;
      const from = ctx.pos - typed.length;
      const n = names();
      const list = second ? n.metrics : n.entities;
      return { from, options: list.map((label) => ({ label, type: second ? 'property' : 'constant' })), validFor: /^[^"]*$/ };
    }
    const word = ctx.matchBefore(/[A-Za-z_][\w.]*/) ?? (ctx.explicit ? { from: ctx.pos, to: ctx.pos } : null);
    if (!word) return null;
    // '5M', '3B': a suffix of a number, not a name
    if (/\d/.test(ctx.state.sliceDoc(word.from - 1, word.from))) return null;
    return { from: word.from, options: names().functions.map((label) => ({ label, type: 'function' })), validFor: /^[\w.]*$/ };
  };
}

/** Server issues as the editor's diagnostics, each at its own offsets (clamped to the document), said in the page's language. */
export function toDiagnostics(issues: CheckIssue[], length: number): Diagnostic[] {
  return issues.map((i) => {
    const from = Math.max(0, Math.min(i.from, length));
    const to = Math.max(from, Math.min(i.to, length));
    return { from, to, severity: 'error', message: `${i.line}:${i.column} ${modelCheckText(i)}`, source: i.code };
  });
}

/**
 * The editor, inside a shadow root of `host`. CodeMirror writes its styles at
 * run time; in a document it adds a <style> element, which the server's
 * Content-Security-Policy (style-src 'self', no 'unsafe-inline') refuses, while
 * in a shadow root it adopts constructed style sheets, which that policy allows.
 */
export function createEditor(host: HTMLElement, o: EditorOptions): EditorView {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const run = () => {
    o.onRun();
    return true;
  };
  return new EditorView({
    parent: root,
    root,
    state: EditorState.create({
      doc: o.doc,
      extensions: [
        lineNumbers(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        highlightActiveLine(),
        placeholder(o.placeholder),
        keymap.of([{ key: 'Mod-Enter', run, preventDefault: true }, ...completionKeymap, ...defaultKeymap, ...historyKeymap, indentWithTab]),
        autocompletion({ override: [completeNames(o.names)] }),
        linter(async (view) => toDiagnostics(await o.check(view.state.doc.toString()), view.state.doc.length), { delay: 400 }),
        lintGutter(),
        THEME,
        EditorView.updateListener.of((u) => {
          if (u.docChanged) o.onChange(u.state.doc.toString());
        }),
        EditorView.contentAttributes.of({ 'aria-label': o.label, 'data-testid': 'editor-content' }),
      ],
    }),
  });
}

/** The page's stylesheet does not reach into the shadow root: the editor's look is set here. */
const THEME = EditorView.theme({
  '&': { fontSize: '0.9rem', backgroundColor: '#fff', maxHeight: '60vh' },
  '&.cm-focused': { outline: '2px solid #1f5fa8' },
  '.cm-scroller': { fontFamily: 'ui-monospace, "SFMono-Regular", Menlo, monospace', lineHeight: '1.5' },
  '.cm-content': { minHeight: '10rem' },
  '.cm-gutters': { backgroundColor: '#f4f6f8', color: '#5d6773', borderRight: '1px solid #d9dee4' },
});

/** Shows the last check's issues again, said in the language the page switched to (no new check: the text has not changed). */
export function sayDiagnostics(view: EditorView, issues: CheckIssue[]): void {
  view.dispatch(setDiagnostics(view.state, toDiagnostics(issues, view.state.doc.length)));
}

/** Replaces the editor's text (an example chosen, a link opened). */
export function setDoc(view: EditorView, doc: string): void {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: doc } });
}
