import { Agent, request } from 'node:http';

/** One answer of the engine. */
export interface BenchResponse {
  status: number;
  body: Record<string, unknown>;
}

/**
 * Kept-alive connections, each dropped after 4 s idle: the engine closes one idle for 5 s (Node's
 * `keepAliveTimeout`), and a call sent on a connection the server is closing meets "socket hang up".
 */
const agent = new Agent({ keepAlive: true, maxSockets: 256, timeout: 4_000 });

/**
 * A JSON call over a kept-alive connection. Plain `node:http` rather than fetch: the load generator
 * shares the CPU with the engine, so it should spend as little of it as it can.
 */
export function call(
  baseUrl: string,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  token: string,
  body?: unknown,
): Promise<BenchResponse> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      `${baseUrl}${path}`,
      {
        method,
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          ...(payload
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
            : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, body: text ? safeJson(text) : {} });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Calls and fails, with the engine's answer, unless the status is the expected one. */
export async function expectCall(
  expected: number,
  ...args: Parameters<typeof call>
): Promise<Record<string, unknown>> {
  const response = await call(...args);
  if (response.status !== expected) {
    throw new Error(
      `${args[1]} ${args[2]}: expected ${expected}, got ${response.status}: ${JSON.stringify(response.body)}`,
    );
  }
  return response.body;
}

function safeJson(text: string): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { text };
  }
}
