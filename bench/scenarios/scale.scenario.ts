import { join } from 'node:path';
import { loadCatalog } from '@app/catalog';
import { median, probeLatency } from './scale/latency-probe';
import { ScaleUser } from './scale/scale-cast';
import { ScaleDeployment } from './scale/scale-deployment';
import { RequestState } from '@app/core';

export interface ScaleResult {
  sizes: string[];
  list_p99_ms: Record<string, number>;
  inbox_p99_ms: Record<string, number>;
  growth: { list: number; inbox: number };
}

const SIZES_FULL: [string, number][] = [
  ['10k', 10_000],
  ['100k', 100_000],
  ['1M', 1_000_000],
];
const SIZES_QUICK: [string, number][] = [
  ['1k', 1_000],
  ['10k', 10_000],
];
const TENANTS = 40;
/** The state a tenant's user lists: requests waiting for approval. */
const LISTED_STATE = RequestState.PendingApproval;

type Probe = 'list' | 'inbox provider' | 'inbox customer';
const PROBES: Probe[] = ['list', 'inbox provider', 'inbox customer'];

interface Settings {
  rounds: number;
  warmupSeconds: number;
  seconds: number;
  log: (line: string) => void;
}

/**
 * List and inbox latency as the requests table grows. Each size gets its own database, preloaded
 * by bulk SQL, and its own API process; then, round after round, the sizes take turns under
 * autocannon (a tenant's first page of requests in one state, and the inboxes of a provider and
 * a customer approver), so a change in the machine's load hits every size alike. A size's p99 is
 * the median over rounds; growth is p99 at the largest size over p99 at the smallest (1 = flat).
 */
export async function runScaleScenario(options: {
  quick: boolean;
  log: (line: string) => void;
}): Promise<ScaleResult> {
  const { quick, log } = options;
  const sizes = quick ? SIZES_QUICK : SIZES_FULL;
  const catalog = loadCatalog(join(__dirname, '..', '..', 'config', 'raci'));
  const deployments = sizes.map(([label, total]) => new ScaleDeployment(label, total));
  try {
    for (const deployment of deployments) {
      const seconds = await deployment.start(catalog, TENANTS);
      log(
        `scale ${deployment.label}: database ${deployment.database?.name}, ${TENANTS} tenants, ` +
          `${deployment.total} requests preloaded in ${seconds.toFixed(1)} s`,
      );
    }
    const settings = quick
      ? { rounds: 1, warmupSeconds: 0.5, seconds: 1.5, log }
      : { rounds: 3, warmupSeconds: 1, seconds: 5, log };
    return summarize(await measureInTurns(deployments, settings), sizes, log);
  } finally {
    for (const deployment of deployments) await deployment.stop();
  }
}

/** p99s by size and probe, one per round. */
async function measureInTurns(
  deployments: ScaleDeployment[],
  settings: Settings,
): Promise<Map<string, Record<Probe, number[]>>> {
  const p99s = new Map<string, Record<Probe, number[]>>();
  for (const { label } of deployments) {
    p99s.set(label, { list: [], 'inbox provider': [], 'inbox customer': [] });
  }
  for (let round = 1; round <= settings.rounds; round++) {
    for (const deployment of deployments) {
      for (const probe of PROBES) {
        p99s.get(deployment.label)![probe].push(await measure(deployment, probe, round, settings));
      }
    }
  }
  return p99s;
}

/** Checks the page is a real one (a broken query would be fast), then loads it. */
async function measure(
  deployment: ScaleDeployment,
  probe: Probe,
  round: number,
  settings: Settings,
): Promise<number> {
  const { url, user } = target(deployment, probe);
  const page = await fetch(url, { headers: { Authorization: `Bearer ${user.token}` } });
  const body = (await page.json()) as { items?: unknown[] };
  if (!page.ok || !body.items?.length) {
    throw new Error(`${probe} at ${deployment.label}: ${page.status}, ${body.items?.length} items`);
  }
  const result = await probeLatency({ url, token: user.token, connections: 8, ...settings });
  settings.log(
    `scale ${deployment.label} round ${round}: ${probe}: p50 ${result.p50} ms, ` +
      `p99 ${result.p99} ms (${result.requests} requests, ${body.items.length} items per page)`,
  );
  return result.p99;
}

function target(deployment: ScaleDeployment, probe: Probe): { url: string; user: ScaleUser } {
  const { cast, url } = deployment;
  if (probe === 'list') {
    return { url: `${url}/v1/requests?state=${LISTED_STATE}`, user: cast.tenants[0].requester };
  }
  const user = probe === 'inbox provider' ? cast.providerApprover : cast.tenants[0].approver;
  return { url: `${url}/v1/inbox`, user };
}

/** The median p99 of each size; the inbox's is the worse of its two callers. */
function summarize(
  p99s: Map<string, Record<Probe, number[]>>,
  sizes: [string, number][],
  log: (line: string) => void,
): ScaleResult {
  const labels = sizes.map(([label]) => label);
  const list: Record<string, number> = {};
  const inbox: Record<string, number> = {};
  for (const label of labels) {
    const of = p99s.get(label)!;
    list[label] = median(of.list);
    const provider = median(of['inbox provider']);
    const customer = median(of['inbox customer']);
    inbox[label] = Math.max(provider, customer);
    log(
      `scale ${label}: p99 list ${list[label]} ms, inbox provider ${provider} ms, ` +
        `inbox customer ${customer} ms (medians of ${of.list.length} rounds)`,
    );
  }
  const [smallest, largest] = [labels[0], labels[labels.length - 1]];
  const growthOf = (p99: Record<string, number>) =>
    Math.round((p99[largest] / Math.max(p99[smallest], 0.1)) * 100) / 100;
  const growth = { list: growthOf(list), inbox: growthOf(inbox) };
  log(`scale: growth ${largest}/${smallest}: list ×${growth.list}, inbox ×${growth.inbox}`);
  return { sizes: labels, list_p99_ms: list, inbox_p99_ms: inbox, growth };
}
