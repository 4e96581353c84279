import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUILD = join(__dirname, '../../dist/console');
/** The most JavaScript, gzipped, a browser fetches before the console can show anything. */
const BUDGET_BYTES = 250 * 1024;

/**
 * The scripts `index.html` makes the browser fetch at once: the entry module and every module it
 * preloads. Chunks loaded later (`import()` of a page) are not counted.
 */
function initialScripts(html: string): string[] {
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
  return tags.flatMap((tag) => {
    const module = /^<script\b/.test(tag) && /\btype="module"/.test(tag);
    const preload = /^<link\b/.test(tag) && /\brel="modulepreload"/.test(tag);
    const url = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    return (module || preload) && url ? [url] : [];
  });
}

describe('the console build', () => {
  it(`keeps its initial JavaScript within ${BUDGET_BYTES / 1024} KB gzipped`, () => {
    const index = join(BUILD, 'index.html');
    if (!existsSync(index))
      throw new Error(`No console build at ${index}: run npm run build first`);
    const scripts = initialScripts(readFileSync(index, 'utf8'));
    expect(scripts.length).toBeGreaterThan(0);
    const sizes = scripts.map((url) => ({
      url,
      gzipped: gzipSync(readFileSync(join(BUILD, url.replace(/^\//, '')))).length,
    }));
    const total = sizes.reduce((sum, { gzipped }) => sum + gzipped, 0);
    const listed = sizes.map(({ url, gzipped }) => `${url} ${(gzipped / 1024).toFixed(1)} KB`);
    if (total > BUDGET_BYTES) {
      throw new Error(
        `${(total / 1024).toFixed(1)} KB of initial JavaScript, gzipped, over the ` +
          `${BUDGET_BYTES / 1024} KB budget:\n  ${listed.join('\n  ')}`,
      );
    }
  });

  it('counts the entry module and the modules index.html preloads, not the stylesheet', () => {
    const html =
      '<script type="module" crossorigin src="/assets/index-a.js"></script>' +
      '<link rel="modulepreload" crossorigin href="/assets/vendor-b.js">' +
      '<link rel="stylesheet" crossorigin href="/assets/index-c.css">';
    expect(initialScripts(html)).toEqual(['/assets/index-a.js', '/assets/vendor-b.js']);
  });
});
