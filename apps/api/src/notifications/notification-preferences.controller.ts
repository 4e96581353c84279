import { Body, Controller, Get, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { NotificationPreferences, NotificationsErrorCode } from '@app/notifications';
import type { Principal } from '@app/parties';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { NotificationPreferencesDto } from './notification-preferences.dto';
import { ApiErrors } from '../openapi/api-errors.decorator';

/** The caller's own mail preferences: how they hear of the requests they are Informed of. */
@ApiTags('users')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no working bearer token' })
@ApiForbiddenResponse({
  description: 'PREFERENCES_NEED_A_USER: the bootstrap admin (ADMIN_TOKEN) has no user, no mail',
})
@ApiTooManyRequestsResponse({ description: 'TOO_MANY_AUTH_FAILURES, with Retry-After' })
@Controller('v1/me/notification-preferences')
export class NotificationPreferencesController {
  constructor(private readonly preferences: NotificationPreferences) {}

  @Get()
  @ApiErrors(NotificationsErrorCode.PreferencesNeedAUser)
  @ApiOperation({ summary: 'How the caller gets the mail of requests they are Informed of' })
  @ApiOkResponse({ type: NotificationPreferencesDto })
  get(@CurrentPrincipal() principal: Principal): Promise<NotificationPreferencesDto> {
    return this.preferences.of(principal);
  }

  @Put()
  @ApiErrors(NotificationsErrorCode.PreferencesNeedAUser)
  @ApiOperation({
    summary: 'Choose immediate, daily-digest or off for Informed mail (asks to act always come)',
  })
  @ApiOkResponse({ type: NotificationPreferencesDto })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED (details.fields), MALFORMED_JSON',
  })
  @ApiPayloadTooLargeResponse({ description: 'PAYLOAD_TOO_LARGE: a body over 64 kB' })
  @ApiUnsupportedMediaTypeResponse({ description: 'UNSUPPORTED_MEDIA_TYPE' })
  put(
    @CurrentPrincipal() principal: Principal,
    @Body() body: NotificationPreferencesDto,
  ): Promise<NotificationPreferencesDto> {
    return this.preferences.set(principal, body);
  }
}
