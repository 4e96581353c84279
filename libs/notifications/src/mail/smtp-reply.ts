/** What an SMTP server answered to a sending that failed. */
export interface SmtpFailure {
  /** Its reply code, when the failure was an answer (not a lost connection). */
  code?: number;
  /** A 5xx: the server refused for good, and retrying cannot change the answer. */
  permanent: boolean;
}

/** The SMTP side of an error nodemailer threw on sending. */
export function smtpFailureOf(error: unknown): SmtpFailure {
  const code = (error as { responseCode?: number }).responseCode;
  return { code, permanent: code !== undefined && code >= 500 };
}
