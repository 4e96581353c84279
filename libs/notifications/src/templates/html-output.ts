import { escapeHtml } from './html';
import { Block } from './message-blocks';
import { quoted } from './text-output';

const text = (value: string): string => escapeHtml(value).replace(/\r\n|\r|\n/g, '<br>');

/** The HTML body of a message: everything escaped, what people wrote quoted line by line in blockquotes. */
export function toHtml(blocks: Block[]): string {
  return blocks
    .map((block): string => {
      switch (block.kind) {
        case 'heading':
          return `<h2>${escapeHtml(block.text)}</h2>`;
        case 'rows':
          return (
            (block.title ? `<h3>${escapeHtml(block.title)}</h3>` : '') +
            `<table>${block.rows.map(([label, value]) => `<tr><th align="left" valign="top">${escapeHtml(label)}</th><td>${text(value)}</td></tr>`).join('')}</table>`
          );
        case 'list':
          return `<h3>${escapeHtml(block.title)}</h3><ul>${block.items.map((item) => `<li>${text(item)}</li>`).join('')}</ul>`;
        case 'quote':
          return `<h3>${escapeHtml(block.title)}:</h3><blockquote>${quoted(block.text).map(escapeHtml).join('<br>')}</blockquote>`;
        case 'paragraph':
          return `<h3>${escapeHtml(block.title)}</h3><p>${text(block.text)}</p>`;
        case 'links':
          return (
            `<p>${block.links.map(({ label, url }) => `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`).join(' &nbsp; ')}` +
            (block.note ? `<br><small>${escapeHtml(block.note)}</small>` : '') +
            '</p>'
          );
        case 'unsubscribe':
          return `<p><small><a href="${escapeHtml(block.url)}">${escapeHtml(block.label)}</a></small></p>`;
        case 'footer':
          return `<hr><p><small>${escapeHtml(block.text)}</small></p>`;
      }
    })
    .join('\n');
}
