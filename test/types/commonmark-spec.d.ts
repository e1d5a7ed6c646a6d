/** The CommonMark spec's examples, as the `commonmark-spec` package exports them. */
declare module 'commonmark-spec' {
  export interface Example {
    readonly markdown: string;
    readonly html: string;
    readonly section: string;
    readonly number: number;
  }
  export const tests: readonly Example[];
}
