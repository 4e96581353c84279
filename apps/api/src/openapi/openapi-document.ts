import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { AppConfig } from '@app/core';
import { applyDocumentConventions } from './document-conventions';
import { documentErrors } from './error-responses';
import { operationId } from './operation-ids';
import { BEARER_SCHEME, SESSION_SCHEME } from './security-schemes';

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
            'Either an opaque engine API token, `raci_` followed by random characters, issued by ' +
            '`POST /v1/users/{userId}/tokens` (or `ADMIN_TOKEN` for the bootstrap admin), or, ' +
            'with `OIDC_ISSUER` set, a JWT access token of that identity provider whose `aud` ' +
            "includes `OIDC_AUDIENCE` and whose `sub` is a user's `oidcSubject`.",
        },
        BEARER_SCHEME,
      )
      .addCookieAuth(
        'raci_session',
        {
          type: 'apiKey',
          in: 'cookie',
          description:
            'The session of a person signed in at `/auth/login` (SSO) or by an emailed link. ' +
            'A change made with it must carry `X-CSRF-Token`, the `csrfToken` of `GET /v1/me`.',
        },
        SESSION_SCHEME,
      )
      .build(),
    { operationIdFactory: operationId },
  );
  return documentErrors(applyDocumentConventions(document));
}
