import { createHmac, timingSafeEqual } from 'node:crypto';
import { isUuid } from '../is-uuid';

/**
 * What the key of sign-in links is derived from `LINK_SECRET` for: a decision link's or an
 * unsubscribe link's signature can never pass as a sign-in link's, nor the other way round.
 */
const PURPOSE = 'raci-engine sign-in links v1';

/**
 * The token of a sign-in link, `<id>.<mac>`: an HMAC-SHA256 of the link's id under a key derived
 * from `LINK_SECRET`. Only the id is stored, so the database alone signs nobody in. Another
 * `purpose` (a pending choice of account) derives another key, so neither token passes as the other.
 */
export class SignInLinkMac {
  private readonly key: Buffer;

  constructor(secret: Buffer, purpose: string = PURPOSE) {
    this.key = createHmac('sha256', secret).update(purpose).digest();
  }

  /** The token of the link with this id. */
  token(id: string): string {
    return `${id}.${this.mac(id)}`;
  }

  /** The id of a token whose MAC is right; null for a forged, altered or malformed one. */
  idOf(token: string): string | null {
    const [id, mac, ...rest] = token.split('.');
    if (!isUuid(id) || !mac || rest.length > 0) return null;
    const expected = Buffer.from(this.mac(id));
    const given = Buffer.from(mac);
    return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
  }

  private mac(id: string): string {
    return createHmac('sha256', this.key).update(`sign-in.${id}`).digest('base64url');
  }
}
