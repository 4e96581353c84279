import type { SchemaObject } from '@nestjs/swagger';

/** The one body of every JSON error: `ErrorResponse`, and the `details` of each kind of problem. */
export const ERROR_SCHEMAS: Record<string, SchemaObject> = {
  ErrorResponse: {
    type: 'object',
    description:
      'Every JSON error. `code` is stable and machine-readable (each operation lists the codes it ' +
      'can answer); `message` is for people and may change; `details` carries the structured ' +
      'facts of some codes; `requestId` is the `X-Request-Id` of the response, to quote when ' +
      'reporting a problem.',
    required: ['statusCode', 'code', 'message', 'requestId'],
    additionalProperties: false,
    properties: {
      statusCode: { type: 'integer', description: 'The HTTP status, repeated', example: 404 },
      code: { type: 'string', example: 'REQUEST_NOT_FOUND' },
      message: {
        type: 'string',
        example: 'No request 3f0c9d2e-8f1a-4c55-9d7e-2b1e0c4a6f10.',
      },
      details: {
        type: 'object',
        additionalProperties: true,
        description:
          'Structured facts of the problem, for programs: `ValidationDetails` for ' +
          '`VALIDATION_FAILED` and `REQUEST_PARAMS_INVALID`, `BodyProblemDetails` for ' +
          '`MALFORMED_JSON` and `UNSUPPORTED_MEDIA_TYPE`, `BodyLimitDetails` for ' +
          '`PAYLOAD_TOO_LARGE`, `RetryDetails` for `TOO_MANY_AUTH_FAILURES`; other codes name ' +
          'what their message names (`id`, `state`, `verb`, …).',
      },
      requestId: {
        type: 'string',
        description: 'The `X-Request-Id` of this response',
        example: '0b8f2d4e-5c1a-4e6b-9f3d-7a2c1e8b4d60',
      },
    },
  },
  FieldProblem: {
    type: 'object',
    required: ['field', 'message'],
    additionalProperties: false,
    properties: {
      field: {
        type: 'string',
        description: 'A body field (`subscription.plan`), a parameter, or a header',
        example: 'action',
      },
      message: { type: 'string', example: 'action must be a string' },
    },
  },
  ValidationDetails: {
    type: 'object',
    description: 'What is wrong with the request, one entry per field and broken rule',
    additionalProperties: false,
    properties: {
      fields: { type: 'array', items: { $ref: '#/components/schemas/FieldProblem' } },
      action: {
        type: 'string',
        description: 'REQUEST_PARAMS_INVALID: the action whose params schema refused them',
      },
    },
  },
  BodyProblemDetails: {
    type: 'object',
    description: 'Why the body could not be read',
    required: ['reason'],
    additionalProperties: false,
    properties: {
      reason: { type: 'string', example: 'Unexpected end of JSON input' },
      contentType: {
        type: 'string',
        nullable: true,
        description: 'UNSUPPORTED_MEDIA_TYPE: the Content-Type sent, null without one',
      },
    },
  },
  BodyLimitDetails: {
    type: 'object',
    required: ['limit'],
    additionalProperties: false,
    properties: { limit: { type: 'string', example: '64kb' } },
  },
  RetryDetails: {
    type: 'object',
    required: ['retryAfterSeconds'],
    additionalProperties: false,
    properties: { retryAfterSeconds: { type: 'integer', minimum: 1, example: 60 } },
  },
};

/** The `details` schema of each code that has one shape; the others are plain objects. */
export const DETAILS_BY_CODE: Record<string, string> = {
  VALIDATION_FAILED: 'ValidationDetails',
  REQUEST_PARAMS_INVALID: 'ValidationDetails',
  MALFORMED_JSON: 'BodyProblemDetails',
  UNSUPPORTED_MEDIA_TYPE: 'BodyProblemDetails',
  PAYLOAD_TOO_LARGE: 'BodyLimitDetails',
  TOO_MANY_AUTH_FAILURES: 'RetryDetails',
};
