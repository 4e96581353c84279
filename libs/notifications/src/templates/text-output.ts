import { Block } from './message-blocks';

// Control characters are what these patterns are about.
// eslint-disable-next-line no-control-regex
const LINE_BREAKS = /\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]/;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;

/** Text people wrote, on one line: no line break can start a line of its own. */
export function inline(value: string): string {
  return value
    .split(LINE_BREAKS)
    .map((part) => part.replace(CONTROLS, '').trim())
    .filter(Boolean)
    .join(' ');
}

/** Text people wrote, quoted: every line of it begins with "> ", so none can pose as the message's. */
export function quoted(value: string): string[] {
  return value.split(LINE_BREAKS).map((line) => `> ${line.replace(CONTROLS, '')}`.trimEnd());
}

/** The plain-text body of a message. */
export function toText(blocks: Block[]): string {
  const parts = blocks.map((block): string[] => {
    switch (block.kind) {
      case 'heading':
        return [block.text];
      case 'rows':
        return [
          ...(block.title ? [`${block.title}:`] : []),
          ...block.rows.map(
            ([label, value]) => `${block.title ? '- ' : ''}${label}: ${inline(value)}`,
          ),
        ];
      case 'list':
        return [`${block.title}:`, ...block.items.map((item) => `- ${inline(item)}`)];
      case 'quote':
        return [`${inline(block.title)}:`, ...quoted(block.text)];
      case 'paragraph':
        return [`${block.title}:`, block.text];
      case 'links':
        return [
          ...block.links.map(({ label, url }) => `${label}: ${url}`),
          ...(block.note ? [block.note] : []),
        ];
      case 'unsubscribe':
        return [`${block.text} ${block.url}`];
      case 'footer':
        return ['--', block.text];
    }
  });
  return parts.map((lines) => lines.join('\n')).join('\n\n');
}
