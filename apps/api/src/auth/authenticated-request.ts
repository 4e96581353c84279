import type { Request } from 'express';
import type { Principal } from '@app/parties';

/** A request once the AuthGuard has let it through: `principal` is set on every non-public route. */
export interface AuthenticatedRequest extends Request {
  principal?: Principal;
}
