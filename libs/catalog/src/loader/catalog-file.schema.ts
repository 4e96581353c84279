import { z } from 'zod';
import { Party, Plan } from '../catalog.types';

const party = z.enum([Party.Provider, Party.Customer]);
const kebab = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const quorum = z
  .number()
  .int()
  .min(1, { message: 'must be 1 or more: a decision needs at least one approver' });

/** How many distinct approvers of the Accountable party a request needs, and per plan if it differs. */
const approvalSchema = z.strictObject({
  required: quorum,
  plans: z.partialRecord(z.enum([Plan.SelfService, Plan.OnRequest]), quorum).optional(),
});

const cells = z.strictObject({ provider: z.string().optional(), customer: z.string().optional() });

const actionSchema = z.strictObject({
  key: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*\.[a-z0-9]+(-[a-z0-9]+)*$/, {
    message: 'must be "<product>.<action>" in kebab-case',
  }),
  title: z.string().min(1),
  /** The action's title and comment in other languages than English: `i18n.fr.title`, … */
  i18n: z
    .strictObject({
      fr: z.strictObject({
        title: z.string().min(1),
        comment: z.string().min(1).optional(),
        /** The label of each request parameter, by its name in `paramsSchema`. */
        params: z.record(z.string(), z.string().min(1)).optional(),
      }),
    })
    .optional(),
  plans: z.array(z.enum([Plan.SelfService, Plan.OnRequest, '*'])).min(1),
  raci: cells,
  reading: z.strictObject({ note: z.string().min(1), raci: cells }).optional(),
  requestable: z.boolean(),
  approvedBySubmission: z.boolean().optional(),
  /** The quorum: `required` distinct approvers (default 1), `plans` overriding it per plan. */
  approval: approvalSchema.optional(),
  /** The approval deadline, in working days, and what happens when it passes. */
  deadline: z
    .strictObject({
      businessDays: z.number().int().positive().max(365).optional(),
      onMiss: z.enum(['escalate', 'expire']).default('escalate'),
    })
    .optional(),
  comment: z.string().min(1).optional(),
  performer: z.strictObject({
    default: party,
    onDemand: party.optional(),
    selfService: party.optional(),
    via: z.string().min(1).optional(),
  }),
  paramsSchema: z.record(z.string(), z.unknown()).optional(),
  overrides: z.string().min(1).optional(),
  quota: z
    .strictObject({
      unit: z.string().regex(kebab),
      included: z.number().int().positive(),
      periodMonths: z.number().int().positive(),
      packageSize: z.number().int().positive(),
    })
    .optional(),
  checklist: z.array(z.string().min(1)).min(1).optional(),
  exceptions: z
    .array(z.strictObject({ subject: z.string().min(1), rule: z.string().min(1) }))
    .optional(),
});

/** The shape of one `config/raci/*.yaml` file; anything else in it is an error. */
export const catalogFileSchema = z.strictObject({
  product: z.string().regex(kebab, { message: 'must be kebab-case' }),
  title: z.string().min(1),
  /** `false`: the generic rows do not apply to this product (the engine's own `catalog`). */
  generic: z.boolean().optional(),
  actions: z.array(actionSchema).min(1),
});

export type CatalogFile = z.infer<typeof catalogFileSchema>;
export type CatalogFileAction = CatalogFile['actions'][number];

/** The product key of the generic matrix, which applies to every product. */
export const GENERIC_PRODUCT = 'generic';
