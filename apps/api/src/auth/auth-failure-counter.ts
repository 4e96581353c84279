/** A failure count in a fixed window, shared by every API process. */
export interface FailureCount {
  count: number;
  /** Seconds until the window ends and the count starts again from zero. */
  secondsLeft: number;
}

/**
 * Where failed authentications are counted. An abstract class rather than an interface so that it
 * can be Nest's injection token.
 */
export abstract class AuthFailureCounter {
  /** Adds one failure for `client` to the window that starts at its first failure. */
  abstract increment(client: string, windowSeconds: number): Promise<FailureCount>;
}
