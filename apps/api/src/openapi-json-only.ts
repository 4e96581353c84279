import type { OpenAPIObject } from '@nestjs/swagger';

/** Routes of forms posted by people and mail clients: they read URL-encoded bodies too. */
const FORM_ROUTES = /^\/v1\/(email-actions|unsubscribe)\//;

const DESCRIPTION =
  'UNSUPPORTED_MEDIA_TYPE: the body is not JSON (or JSON in a charset other than UTF-8); ' +
  'send Content-Type: application/json';

/**
 * Documents the 415 of every route that reads a JSON body, as the body parsing answers it, on the
 * routes whose controllers do not say so themselves.
 */
export function documentJsonOnlyBodies(document: OpenAPIObject): OpenAPIObject {
  for (const [path, item] of Object.entries(document.paths)) {
    if (FORM_ROUTES.test(path)) continue;
    for (const method of ['post', 'put', 'patch'] as const) {
      const operation = item[method];
      if (!operation?.requestBody || operation.responses['415']) continue;
      operation.responses['415'] = { description: DESCRIPTION };
    }
  }
  return document;
}
