import { Letter, LETTERS } from '../catalog.types';

/**
 * Reads one cell of the matrix as the seed writes it ("A / R", "A / I / R", "" for blank) into
 * letters in R, A, C, I order. Returns the problem instead when the cell is malformed.
 */
export function parseRaciCell(cell: string): { letters: Letter[] } | { problem: string } {
  const parts = cell
    .split('/')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  const unknown = parts.filter((part) => !LETTERS.includes(part as Letter));
  if (unknown.length > 0) {
    return {
      problem: `unknown RACI letter ${unknown.map((u) => `"${u}"`).join(', ')} (allowed: R, A, C, I)`,
    };
  }
  if (new Set(parts).size !== parts.length) {
    return { problem: `letter repeated in "${cell}"` };
  }
  return { letters: LETTERS.filter((letter) => parts.includes(letter)) };
}
