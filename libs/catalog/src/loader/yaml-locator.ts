import { Document, LineCounter, isNode } from 'yaml';

/** Finds the line of a path inside a parsed YAML document, falling back to its nearest parent. */
export class YamlLocator {
  constructor(
    private readonly document: Document,
    private readonly lines: LineCounter,
  ) {}

  lineOf(path: readonly PropertyKey[]): number {
    for (let depth = path.length; depth >= 0; depth--) {
      const node =
        depth === 0 ? this.document.contents : this.document.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) {
        return this.lines.linePos(node.range[0]).line;
      }
    }
    return 1;
  }
}
