import { randomBytes } from 'node:crypto';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** A working link in a recorded message: its URL, kind and id, and a signature under LINK_SECRET. */
const LIVE_LINK =
  /https?:\/\/[^\s"'<>]*?\/v1\/(email-actions|unsubscribe)\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.[\w-]{43}/g;
const KINDS: Record<string, string> = { 'email-actions': 'decision', unsubscribe: 'unsubscribe' };
const PAGE = 500;

interface StoredMessage {
  text?: string;
  html?: string;
  headers?: Record<string, string>;
  links?: { slot: string; kind: string; id: string }[];
  [field: string]: unknown;
}

/**
 * A recorded message with its working links put by reference, as the engine now records them (see
 * `libs/notifications/src/mail/mail-link-slot.ts`): each distinct link becomes a random slot, its
 * placeholder `{{link:<slot>}}` where the URL was, and the slot's kind and id in `links`, from which
 * the send job makes the same URL again. Null when the message held no working link.
 */
export function withoutLiveLinks(message: StoredMessage): StoredMessage | null {
  const links = [...(message.links ?? [])];
  const slots = new Map<string, string>();
  const scrub = (value: string) =>
    value.replace(LIVE_LINK, (url: string, route: string, id: string) => {
      const key = `${route}/${id}`;
      let slot = slots.get(key);
      if (!slot) {
        slot = randomBytes(8).toString('hex');
        slots.set(key, slot);
        links.push({ slot, kind: KINDS[route], id });
      }
      return `{{link:${slot}}}`;
    });
  const scrubbed: StoredMessage = {
    ...message,
    ...(typeof message.text === 'string' && { text: scrub(message.text) }),
    ...(typeof message.html === 'string' && { html: scrub(message.html) }),
    ...(message.headers && {
      headers: Object.fromEntries(
        Object.entries(message.headers).map(([name, value]) => [name, scrub(value)]),
      ),
    }),
  };
  if (slots.size === 0) return null;
  return { ...scrubbed, links };
}

/**
 * Messages recorded before links were kept by reference held working decision and unsubscribe
 * links in clear: put them by reference, so the database holds none that works. Sending such a
 * message again makes the same links. Not undone: the placeholders stay.
 */
export class MailLinksAtRest1764000000018 implements MigrationInterface {
  name = 'MailLinksAtRest1764000000018';

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.driver.options.type === 'postgres';
    const param = (n: number) => (postgres ? `$${n}` : '?');
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = (await queryRunner.query(
        `SELECT id, message FROM notification_deliveries WHERE id > ${param(1)} AND ` +
          `(CAST(message AS TEXT) LIKE '%/v1/email-actions/%' OR CAST(message AS TEXT) LIKE '%/v1/unsubscribe/%') ` +
          `ORDER BY id LIMIT ${PAGE}`,
        [after],
      )) as { id: string; message: string | StoredMessage }[];
      for (const { id, message } of rows) {
        const parsed =
          typeof message === 'string' ? (JSON.parse(message) as StoredMessage) : message;
        const scrubbed = withoutLiveLinks(parsed);
        if (scrubbed)
          await queryRunner.query(
            `UPDATE notification_deliveries SET message = ${param(1)} WHERE id = ${param(2)}`,
            [JSON.stringify(scrubbed), id],
          );
      }
      if (rows.length < PAGE) return;
      after = rows[rows.length - 1].id;
    }
  }

  async down(): Promise<void> {
    // Nothing to undo: the links are made again from the ids whenever a message is sent.
  }
}
