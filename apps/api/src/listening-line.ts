import { AddressInfo } from 'node:net';
import { AppConfig } from '@app/core';

/**
 * The last line of a start: where the API, its docs and the console answer. `PUBLIC_URL` when set
 * (what people reach), else localhost on the port the server actually took.
 */
export function listeningLine(config: AppConfig, address: AddressInfo | string | null): string {
  const port = address && typeof address === 'object' ? address.port : config.env.PORT;
  const base = config.env.PUBLIC_URL ? config.publicUrl : `http://localhost:${port}`;
  return `API ${base}  docs ${base}/docs  console ${base}/`;
}
