/**
 * The edit distance between two words (Levenshtein: insertions, deletions and substitutions, each
 * counting one), compared without regard to case.
 */
export function editDistance(a: string, b: string): number {
  const left = a.toLowerCase();
  const right = b.toLowerCase();
  let previous = Array.from({ length: right.length + 1 }, (_, j) => j);
  for (let i = 1; i <= left.length; i++) {
    const current = [i];
    for (let j = 1; j <= right.length; j++) {
      const substitution = previous[j - 1] + (left[i - 1] === right[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
    }
    previous = current;
  }
  return previous[right.length];
}

/** Longer words get no suggestion: no name is that long, and the distance costs length × length. */
export const LONGEST_MISSPELLING = 200;

/**
 * The known names closest to a misspelled one, closest first, for a "did you mean" hint: those within
 * a third of the word's length (at least 2 edits), or that contain it or are contained in it. The
 * distance is only computed for names of a near length, so a long hostile word costs little.
 */
export function closestNames(word: string, known: readonly string[], limit = 3): string[] {
  if (word.length > LONGEST_MISSPELLING) return [];
  const allowed = Math.max(2, Math.floor(word.length / 3));
  const lower = word.toLowerCase();
  return known
    .map((name) => ({
      name,
      distance:
        Math.abs(name.length - word.length) <= allowed ? editDistance(word, name) : Infinity,
    }))
    .filter(({ name, distance }) => {
      if (distance === 0 || !word) return false;
      const other = name.toLowerCase();
      return distance <= allowed || other.includes(lower) || lower.includes(other);
    })
    .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map(({ name }) => name);
}
