/**
 * A request's entity tag: its `version` as a strong ETag, `"3"`. Every change of the request
 * (transition or comment) increments the version, so the tag changes with it.
 */
export const RequestEtag = {
  of(version: number): string {
    return `"${version}"`;
  },

  /**
   * The versions an `If-Match` header accepts, or undefined without one (or with `*`, which any
   * existing request matches). Comparison is strong (RFC 9110): a weak tag `W/"3"` or anything
   * that is no tag of ours matches no version, so the call answers 412.
   */
  expected(header: string | undefined): number[] | undefined {
    if (header === undefined || header.trim() === '*') return undefined;
    return header
      .split(',')
      .map((tag) => /^"(\d{1,15})"$/.exec(tag.trim()))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => Number(match[1]));
  },
};
