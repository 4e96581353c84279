import { Controller, Get } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { type Principal, UsersService } from '@app/parties';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { MeResponse } from './me.response';

@ApiTags('users')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no working bearer token' })
@Controller('v1/me')
export class MeController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'Who the bearer of this token is, and for which organization' })
  @ApiOkResponse({ type: MeResponse })
  async me(@CurrentPrincipal() principal: Principal): Promise<MeResponse> {
    return MeResponse.from(await this.users.whoami(principal));
  }
}
