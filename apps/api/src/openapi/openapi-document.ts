import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { AppConfig } from '@app/core';
import { applyDocumentConventions } from './document-conventions';
import { documentErrors } from './error-responses';
import { operationId } from './operation-ids';

/** The name of the one security scheme: `Authorization: Bearer raci_…`. */
export const BEARER_SCHEME = 'bearer';

/**
 * The OpenAPI document of the API, as `/docs/openapi.json` serves it and `npm run openapi:lint`
 * checks it: the controllers' decorators, then the conventions every route shares.
 */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const config = app.get(AppConfig);
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('raci-engine')
      .setDescription(
        'Requests for managed-cloud actions, routed and gated by the provider’s RACI matrix.',
      )
      .setVersion('1')
      .setLicense('Apache-2.0', 'https://www.apache.org/licenses/LICENSE-2.0')
      .addServer(config.publicUrl, 'This engine (PUBLIC_URL)')
      .addBearerAuth(
        {
          type: 'http',
          scheme: 'bearer',
          description:
            'An opaque API token, `raci_` followed by random characters, issued by ' +
            '`POST /v1/users/{userId}/tokens` (or `ADMIN_TOKEN` for the bootstrap admin). ' +
            'It is not a JWT: it carries no claims and is only checked by the engine.',
        },
        BEARER_SCHEME,
      )
      .build(),
    { operationIdFactory: operationId },
  );
  return documentErrors(applyDocumentConventions(document));
}
