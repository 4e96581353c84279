/**
 * Saves a file the console fetched with the session: an object URL, opened by a link with
 * `download`, then let go. No navigation, so the page's policy has nothing to refuse.
 */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
