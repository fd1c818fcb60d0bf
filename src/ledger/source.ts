/** Where a fact or event came from. */
export interface Source {
  /** Stable id derived from publisher, title, url and date (see `sourceId`). */
  readonly id: string;
  readonly publisher: string;
  readonly title: string | null;
  readonly url: string | null;
  /** Date published as written: '2024-05-20', '2025-01'. */
  readonly published: string | null;
  /** True when the page showed no date and `published` was inferred from the text or the event. */
  readonly publishedEstimated: boolean;
}

export interface SourceInput {
  readonly publisher: string;
  readonly title?: string | null;
  readonly url?: string | null;
  readonly published?: string | null;
  /** True when `published` is inferred (the page showed no date); default false. */
  readonly publishedEstimated?: boolean | null;
}
