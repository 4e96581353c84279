import { appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import request from 'supertest';
import {
  ContractMismatch,
  ObservedResponse,
  OpenApiContract,
  OpenApiDocument,
} from './openapi-contract';

/**
 * What a mismatch with the OpenAPI document does, by `CONTRACT_CHECK`: `strict` (the default) fails
 * the test that made the call; `report` lets it go on and appends the mismatch, as one JSON line, to
 * `CONTRACT_REPORT` (a file in the system's temporary folder by default), which
 * `npm run contract:report` groups.
 */
export type ContractMode = 'strict' | 'report';

export function contractMode(env: NodeJS.ProcessEnv = process.env): ContractMode {
  const mode = env.CONTRACT_CHECK ?? 'strict';
  if (mode !== 'strict' && mode !== 'report') {
    throw new Error(`CONTRACT_CHECK must be strict or report, not ${mode}`);
  }
  return mode;
}

export const contractReportFile = (env: NodeJS.ProcessEnv = process.env): string =>
  env.CONTRACT_REPORT ?? join(tmpdir(), 'raci-contract-report.jsonl');

/** The server a supertest call goes to: a test app's HTTP server, or an engine's URL. */
type Server = Parameters<typeof request>[0];

const contracts = new Map<Server, Promise<OpenApiContract>>();

/** The contract of the document `server` publishes at `/docs/openapi.json`, read once. */
export function contractOf(server: Server): Promise<OpenApiContract> {
  let contract = contracts.get(server);
  if (!contract) {
    contract = request(server)
      .get('/docs/openapi.json')
      .then((res) => {
        if (res.status !== 200) throw new Error(`GET /docs/openapi.json answered ${res.status}`);
        return new OpenApiContract(res.body as OpenApiDocument);
      });
    contract.catch(() => contracts.delete(server));
    contracts.set(server, contract);
  }
  return contract;
}

/** A mismatch as the message of the test it fails: the operation, the status and what differs. */
export class ContractMismatchError extends Error {
  constructor(
    readonly mismatch: ContractMismatch,
    body: string,
  ) {
    super(
      [
        `OpenAPI contract: ${mismatch.operation} answered ${mismatch.status}: ${mismatch.problem}`,
        ...mismatch.errors.map((error) => `  ${error}`),
        `  body: ${body.slice(0, 600)}`,
        '(the document is /docs/openapi.json; CONTRACT_CHECK=report lists mismatches without failing)',
      ].join('\n'),
    );
  }
}

/**
 * What the server serves beside its API, which the document rightly leaves out: the document
 * itself and its viewer, and the queue dashboard (a web page of its own, behind the same tokens).
 */
const OUTSIDE_THE_API = [/^\/docs(\/|$)/, /^\/admin\/queues(\/|$)/];

/** Fails, or records in report mode, an answer the document of `server` does not describe. */
export async function enforceContract(server: Server, res: ObservedResponse): Promise<void> {
  const path = new URL(res.url, 'http://engine.test').pathname;
  if (OUTSIDE_THE_API.some((outside) => outside.test(path))) return;
  const mismatch = (await contractOf(server)).check(res);
  if (!mismatch) return;
  if (contractMode() === 'strict') throw new ContractMismatchError(mismatch, res.text);
  const { currentTestName, testPath } = expect.getState();
  const file = testPath ? relative(process.cwd(), testPath) : undefined;
  appendFileSync(
    contractReportFile(),
    `${JSON.stringify({ ...mismatch, file, test: currentTestName })}\n`,
  );
}

/**
 * The supertest call, checked against the document once it is answered: awaiting it (or `.then`)
 * rejects with a `ContractMismatchError` when the answer breaks the contract.
 */
export function checkedByContract(server: Server, test: request.Test): request.Test {
  const answered = test.then.bind(test);
  const checked = () =>
    answered().then(async (res) => {
      const text = typeof res.text === 'string' ? res.text : '';
      await enforceContract(server, {
        method: test.method,
        url: test.url,
        status: res.status,
        contentType: res.headers['content-type'],
        text,
      });
      return res;
    });
  test.then = ((onFulfilled, onRejected) =>
    checked().then(onFulfilled, onRejected)) as typeof test.then;
  return test;
}
