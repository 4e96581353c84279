/**
 * One CSV record (RFC 4180), ended by CRLF. A cell that starts with =, +, - or @ would run as a
 * formula in a spreadsheet, and so would one after a leading tab or carriage return, which
 * spreadsheets skip: a quote mark in front neutralizes it. Cells with a quote, a comma or a line
 * break are quoted, their quotes doubled.
 */
export function csvLine(cells: readonly string[]): string {
  return cells.map(csvCell).join(',') + '\r\n';
}

export function csvCell(cell: string): string {
  const safe = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
