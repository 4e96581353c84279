import { ParseUUIDPipe } from '@nestjs/common';

/** An `:id` path parameter must be a uuid (400 VALIDATION_FAILED otherwise). */
export const UUID_PARAM = new ParseUUIDPipe();
