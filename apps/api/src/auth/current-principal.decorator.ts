import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { PartiesErrorCode, PartiesException, type Principal } from '@app/parties';
import { AuthenticatedRequest } from './authenticated-request';

/** The caller the AuthGuard authenticated; on a @Public() route there is none (401). */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => {
    const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
    if (!principal) throw new PartiesException(PartiesErrorCode.Unauthenticated);
    return principal;
  },
);
