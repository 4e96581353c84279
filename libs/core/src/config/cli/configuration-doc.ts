import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { envSchema } from '../env.schema';

/**
 * `npm run docs:config` writes docs/configuration.md from the env schema; `npm run docs:config --
 * --check` only compares, and exits 1 when the file is stale. Names, accepted values and defaults
 * are read from the zod schema at run time, descriptions from its `.describe()` texts, so the
 * schema is the one place a setting is documented.
 */

const ROOT = join(__dirname, '../../../../..');
export const SCHEMA_FILE = 'libs/core/src/config/env.schema.ts';
export const DOC_FILE = 'docs/configuration.md';

/** One variable, as the reference shows it. */
export interface ConfigRow {
  name: string;
  values: string;
  default: string;
  description: string;
}

/** What z.toJSONSchema says of one variable (the keys this reference reads). */
interface PropertySchema {
  type?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  description?: string;
  'x-schemes'?: string[];
}

const code = (value: unknown) => `\`${String(value)}\``;

/** The variables that have no description: each must have one before the doc can be written. */
export function undescribed(shape: Record<string, z.ZodType> = envSchema.shape): string[] {
  return Object.entries(shape)
    .filter(([, schema]) => !schema.description?.trim())
    .map(([name]) => name);
}

/** One row per variable, in the schema's order. */
export function configurationRows(schema: z.ZodObject = envSchema): ConfigRow[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties: Record<string, PropertySchema>;
  };
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, field]) => {
    const property = json.properties[name] ?? {};
    return {
      name,
      values: acceptedValues(property),
      default: defaultOf(field),
      description: field.description ?? '',
    };
  });
}

/** The whole reference, formatted as the repository's prettier settings format Markdown. */
export async function configurationDoc(schema: z.ZodObject = envSchema): Promise<string> {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
  const rows = configurationRows(schema).map(
    (row) =>
      `| ${code(row.name)} | ${cell(row.values)} | ${cell(row.default)} | ${cell(row.description)} |`,
  );
  const markdown = [
    `<!-- Generated from ${SCHEMA_FILE} by \`npm run docs:config\`: edit the descriptions there and run it again. CI runs \`npm run docs:config -- --check\`, which fails when this file is stale. -->`,
    '',
    '# Configuration',
    '',
    'Every setting is an environment variable, read once when a process starts and validated: a ' +
      'wrong value stops the start with one line naming the variable (`raci-engine: config: PORT …`). ' +
      'An empty variable counts as unset, and variables not listed here are ignored. The API and ' +
      'the worker read the same variables; give every process of a deployment the same values.',
    '',
    '| variable | accepted values | default | meaning |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
  // Loaded here, not at the top: prettier is a dev tool, needed only to write the file.
  const prettier = await import('prettier');
  const options = await prettier.resolveConfig(join(ROOT, DOC_FILE));
  return prettier.format(markdown, { ...options, parser: 'markdown' });
}

function acceptedValues(property: PropertySchema): string {
  if (property['x-schemes']) {
    return `URL: ${property['x-schemes'].map((scheme) => code(`${scheme}://`)).join(', ')}`;
  }
  if (property.enum) return property.enum.map(code).join(', ');
  if (property.type === 'integer' || property.type === 'number') {
    const { minimum: min, maximum: max } = property;
    const bounded = max !== undefined && max < Number.MAX_SAFE_INTEGER;
    const range =
      min !== undefined && bounded
        ? `${min} to ${max}`
        : min !== undefined
          ? `${min} or more`
          : bounded
            ? `up to ${max}`
            : '';
    return [property.type, range].filter(Boolean).join(', ');
  }
  if (property.type === 'string' && (property.minLength ?? 0) > 1) {
    return `string, ${property.minLength}+ characters`;
  }
  return property.type ?? 'string';
}

/** The default a variable takes when unset, read through its wrappers (optional, pipes). */
function defaultOf(schema: z.ZodType): string {
  const def = schema.def as {
    type: string;
    defaultValue?: unknown;
    innerType?: z.ZodType;
    in?: z.ZodType;
  };
  if (def.type === 'default') return def.defaultValue === '' ? 'empty' : code(def.defaultValue);
  if ((def.type === 'optional' || def.type === 'nullable') && def.innerType) {
    return defaultOf(def.innerType);
  }
  if (def.type === 'pipe' && def.in) return defaultOf(def.in);
  return 'unset';
}

async function main(args: string[]): Promise<number> {
  const check = args.includes('--check');
  const unknown = args.filter((arg) => arg !== '--check');
  if (unknown.length > 0) {
    process.stderr.write(
      `usage: npm run docs:config [-- --check] (unknown: ${unknown.join(' ')})\n`,
    );
    return 2;
  }
  const missing = undescribed();
  if (missing.length > 0) {
    process.stderr.write(
      `${SCHEMA_FILE}: no description for ${missing.join(', ')}: add .describe('…') to each.\n`,
    );
    return 1;
  }
  const target = join(ROOT, DOC_FILE);
  const expected = await configurationDoc();
  if (!check) {
    writeFileSync(target, expected);
    process.stdout.write(`${DOC_FILE} written (${configurationRows().length} variables)\n`);
    return 0;
  }
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // A missing file is stale too.
  }
  if (current === expected) {
    process.stdout.write(`${DOC_FILE} is up to date with ${SCHEMA_FILE}\n`);
    return 0;
  }
  process.stderr.write(
    `${relative(process.cwd(), target) || DOC_FILE} is stale: it no longer matches ${SCHEMA_FILE}.\n` +
      'Run `npm run docs:config` and commit the result.\n',
  );
  return 1;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (exitCode) => (process.exitCode = exitCode),
    (error: unknown) => {
      process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
      process.exitCode = 1;
    },
  );
}
