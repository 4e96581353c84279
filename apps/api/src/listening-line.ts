import { AddressInfo } from 'node:net';
import { AppConfig } from '@app/core';

/**
 * The last line of a start: where the API, its docs and the console answer. `PUBLIC_URL` when set
 * (what people reach), else localhost on the port the server actually took. Without `SMTP_URL`, it
 * also says where mail goes, sign-in links included: the console's sign-in needs one.
 */
export function listeningLine(config: AppConfig, address: AddressInfo | string | null): string {
  const port = address && typeof address === 'object' ? address.port : config.env.PORT;
  const base = config.env.PUBLIC_URL ? config.publicUrl : `http://localhost:${port}`;
  const where = `API ${base}  docs ${base}/docs  console ${base}/`;
  if (config.env.SMTP_URL) return where;
  return `${where}  (no SMTP_URL: mail, sign-in links included, is written to ${config.env.MAIL_DIR})`;
}
