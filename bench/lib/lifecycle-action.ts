import { Catalog, CatalogAction, loadCatalog, Party, Plan } from '@app/catalog';

/** The catalog action the load runs, with parameters its schema accepts. */
export interface LifecycleAction {
  key: string;
  params: Record<string, unknown>;
  plan: Plan;
}

const SUBSCRIPTION = { plan: Plan.OnRequest, onDemand: false };

/**
 * The first action of the catalog a customer on the on-request plan asks for, that the provider
 * approves (A) and performs, with nobody consulted and the customer informed, so every step of the
 * lifecycle also sends mail. Read from the matrix so the bench follows the catalog as it changes.
 */
export function pickLifecycleAction(
  raciDir = process.env.RACI_DIR ?? 'config/raci',
): LifecycleAction {
  const catalog = loadCatalog(raciDir);
  for (const action of catalog.actions({ plan: SUBSCRIPTION.plan, requestable: true })) {
    if (!fitsTheLifecycle(catalog, action)) continue;
    const params = sampleParams(action.paramsSchema ?? {});
    if (catalog.validateParams(action, params).length === 0) {
      return { key: action.key, params, plan: SUBSCRIPTION.plan };
    }
  }
  throw new Error(
    'no catalog action is provider-approved, provider-performed and customer-informed',
  );
}

function fitsTheLifecycle(catalog: Catalog, action: CatalogAction): boolean {
  const { provider, customer } = action.raci;
  return (
    provider.includes('A') &&
    !provider.includes('C') &&
    !customer.includes('C') &&
    customer.includes('I') &&
    !action.quota &&
    catalog.performerOf(action, SUBSCRIPTION) === Party.Provider
  );
}

type Schema = {
  type?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  minimum?: number;
};

/** The smallest value of each required property that a typical schema accepts. */
function sampleParams(schema: Schema): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const name of schema.required ?? []) {
    params[name] = sampleValue(schema.properties?.[name] ?? {});
  }
  return params;
}

function sampleValue(schema: Schema): unknown {
  if (schema.enum?.length) return schema.enum[0];
  switch (schema.type) {
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return [];
    case 'object':
      return sampleParams(schema);
    default:
      return 'bench01';
  }
}
