import { ReceivedMail, SmtpListener } from './smtp-listener';

/** A text message read back as the renderer lays it out: blocks separated by a blank line. */
export interface MailFields {
  headline: string;
  /** The first block's `Label: value` lines. */
  rows: Record<string, string>;
  /** Every later block that opens with a `Title:` line: its other lines, by title. */
  sections: Record<string, string[]>;
  /** Every `Label: url` line of the message, by label. */
  links: Record<string, string>;
  footer: string[];
}

export function fieldsOf(mail: ReceivedMail): MailFields {
  const blocks = mail.text
    .replace(/\r\n/g, '\n')
    .trim()
    .split(/\n\n/)
    .map((block) => block.split('\n'));
  const rows = Object.fromEntries(
    blocks[1].map((line) => {
      const at = line.indexOf(': ');
      return [line.slice(0, at), line.slice(at + 2)];
    }),
  );
  const sections: Record<string, string[]> = {};
  const links: Record<string, string> = {};
  let footer: string[] = [];
  for (const block of blocks.slice(2)) {
    if (block[0] === '--') footer = block.slice(1);
    else if (block[0].endsWith(':')) sections[block[0].slice(0, -1)] = block.slice(1);
    for (const line of block) {
      const link = /^(.+?): (https?:\/\/\S+)$/.exec(line);
      if (link) links[link[1]] = link[2];
    }
  }
  return { headline: blocks[0][0], rows, sections, links, footer };
}

/** The one message to `email` about a request whose subject begins with `headline`. */
export function mailTo(
  smtp: SmtpListener,
  email: string,
  requestId: string,
  headline: string,
): ReceivedMail {
  const found = smtp.messages.filter(
    (m) =>
      m.to.includes(email) && m.text.includes(requestId) && m.subject.startsWith(`${headline}:`),
  );
  if (found.length !== 1)
    throw new Error(`${found.length} messages "${headline}" to ${email} about ${requestId}`);
  return found[0];
}
