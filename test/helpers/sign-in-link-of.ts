import { SignInLinkMac } from '@app/parties/sign-in-links/sign-in-link-mac';

/** Runs one SQL query on the engine's PostgreSQL database and answers its rows. */
export type RowQuery = (sql: string, params: unknown[]) => Promise<{ id: string }[]>;

/**
 * For an engine in another process: the path of the newest unused sign-in link asked for an
 * address, as the engine's mail carries it. Its id is read from the database, its MAC made from the
 * deployment's LINK_SECRET, exactly as the worker writes it into the mail.
 */
export function signInLinkFromDatabase(
  query: RowQuery,
  linkSecret: string,
): (email: string) => Promise<string> {
  const mac = new SignInLinkMac(Buffer.from(linkSecret));
  return async (email) => {
    const [link] = await query(
      `SELECT l.id FROM sign_in_links l JOIN users u ON u.id = l.user_id
        WHERE u.email = $1 AND l.used_at IS NULL ORDER BY l.created_at DESC LIMIT 1`,
      [email.trim().toLowerCase()],
    );
    if (!link) throw new Error(`no sign-in link was made for ${email}`);
    return `/auth/email-link/${mac.token(link.id)}`;
  };
}
