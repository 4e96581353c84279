/** How a user wants the mail of requests they are Informed of. Mail asking them to act is always sent. */
export enum InformedMail {
  /** Each event in its own message, as it happens. */
  Immediate = 'immediate',
  /** One message a day, at `DIGEST_HOUR`, listing what happened since the last one. */
  DailyDigest = 'daily-digest',
  /** None. */
  Off = 'off',
}

export const INFORMED_MAIL_CHOICES: readonly InformedMail[] = Object.values(InformedMail);

/**
 * A user who chose nothing gets Informed mail at once, as before preferences existed: nobody stops
 * hearing of a rejection or a completion without asking to.
 */
export const DEFAULT_INFORMED_MAIL = InformedMail.Immediate;
