/** Where a fact or event came from. */
export interface Source {
  /** Stable id derived from publisher, title, url and date (see `sourceId`). */
  readonly id: string;
  readonly publisher: string;
  readonly title: string | null;
  readonly url: string | null;
  /** Date published as written: '2024-05-20', '2025-01'. */
  readonly published: string | null;
}

export interface SourceInput {
  readonly publisher: string;
  readonly title?: string | null;
  readonly url?: string | null;
  readonly published?: string | null;
}
