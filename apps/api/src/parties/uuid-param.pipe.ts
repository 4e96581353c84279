import { ArgumentMetadata, ParseUUIDPipe } from '@nestjs/common';
import { CommonErrorCode, CommonException } from '@app/core';

/** A uuid path parameter (any version): anything else is 400 VALIDATION_FAILED, naming it. */
class UuidParamPipe extends ParseUUIDPipe {
  override async transform(value: string, metadata: ArgumentMetadata): Promise<string> {
    try {
      await super.transform(value, metadata);
      return value;
    } catch {
      const field = metadata.data ?? 'id';
      throw new CommonException(CommonErrorCode.ValidationFailed, {
        fields: [{ field, message: `${field} must be a UUID` }],
      });
    }
  }
}

export const UUID_PARAM = new UuidParamPipe();
