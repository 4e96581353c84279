/**
 * A message as a list of blocks, which the text and HTML outputs each write their way. Only `quote`
 * blocks and the values of `rows` and `list` may hold what people wrote: the outputs fence them.
 */
export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'rows'; title?: string; rows: [string, string][] }
  | { kind: 'list'; title: string; items: string[] }
  /**
   * Text people wrote (a comment, a result), shown quoted line by line under its title (who wrote
   * it); the renderer places these after the engine's own links.
   */
  | { kind: 'quote'; title: string; text: string }
  /** Text the catalog or the engine wrote, several lines maybe. */
  | { kind: 'paragraph'; title: string; text: string }
  | { kind: 'links'; links: { label: string; url: string }[]; note?: string }
  /** The one-click unsubscribe of Informed mail: `text url` in text, a link named `label` in HTML. */
  | { kind: 'unsubscribe'; text: string; label: string; url: string }
  | { kind: 'footer'; text: string };
