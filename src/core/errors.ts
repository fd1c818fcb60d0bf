/**
 * Why an input was refused, as data: a stable code that names the rule
 * ('ambiguous_yen_sign', 'unknown_name') and the values its sentence says
 * ({ word: 'apples' }), so that a reader in another language can say the
 * reason again without reading the English. `cause` is a reason inside this
 * one (the text in brackets that could not be read, and why).
 */
export interface Reason {
  readonly code: string;
  readonly params: Readonly<Record<string, string>>;
  readonly cause?: Reason;
}

/**
 * One problem with some input: a machine-readable code, where it is (file,
 * line, column or field path), and a message that says what was expected and
 * what arrived.
 */
export interface Issue {
  readonly code: string;
  /** Path to the field: ['facts.csv', 'line 14', 'value'] or ['body', 'value']. */
  readonly path: readonly (string | number)[];
  readonly message: string;
  /**
   * What was expected, said so that a reader in another language can say it
   * again (a type such as 'number', a bound such as '500', the values allowed
   * joined by ', '): optional, beside the message, which stays the English text.
   */
  readonly expected?: string;
  /** What came, as it came ('abc', 'fundng'); optional. */
  readonly got?: string;
  /** The closest known name, when the message suggests one ('funding'); optional. */
  readonly suggestion?: string;
  /** The rule the input broke, with its values (see {@link Reason}); optional, beside the message. */
  readonly reason?: Reason;
}

/**
 * The one error type of Shakeout. It carries a list of issues and an HTTP
 * status (400 for bad input, 404 for not found, 409 for conflicts, 500
 * otherwise) so that the CLI and the server can map it in one place.
 */
export class ShakeoutError extends Error {
  readonly issues: readonly Issue[];
  readonly status: number;
  constructor(message: string, options: { issues?: readonly Issue[]; status?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ShakeoutError';
    this.issues = options.issues ?? [];
    this.status = options.status ?? 400;
  }
}

/** Thrown when text is not a figure the reader understands. */
export class FigureParseError extends ShakeoutError {
  readonly text: string;
  /**
   * Why the reader refused the text, without the quote and the examples of
   * the message ('unknown word "apples" after the number: ...'), or null when
   * it has nothing to add to "not a figure". For callers that name the place
   * themselves: `facts.csv line 4, column value_as_written: ...; <reason>`.
   */
  readonly reason: string | null;
  /**
   * The same reason as data: the rule's code and its values
   * (`{ code: 'ambiguous_yen_sign', params: {} }`), one of the codes listed in
   * docs/figures.md; also on the error's issue. Null only for an error built
   * without one (the reader always gives one).
   */
  readonly reasonCode: Reason | null;
  constructor(text: string, message: string, reason: string | null = null, reasonCode: Reason | null = null) {
    super(message, {
      issues: [{ code: 'invalid_figure', path: [], message, got: text, ...(reasonCode ? { reason: reasonCode } : {}) }],
      status: 400,
    });
    this.name = 'FigureParseError';
    this.text = text;
    this.reason = reason;
    this.reasonCode = reasonCode;
  }
}

/** Formats issues one per line: "facts.csv line 14, column value: expected ...". */
export function formatIssues(issues: readonly Issue[]): string {
  return issues
    .map((i) => (i.path.length ? `${i.path.join(', ')}: ${i.message}` : i.message))
    .join('\n');
}
