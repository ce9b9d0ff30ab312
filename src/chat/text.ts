/** Optimal string alignment distance: edits, with a swap of neighbours counting as one. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) (rows[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    const prev = rows[i - 1] as number[];
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      }
      row[j] = d;
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/** How many typos a word of this length may carry and still be recognised. */
export function typoBudget(word: string): number {
  if (word.length < 4) return 0;
  if (word.length < 8) return 1;
  return 2;
}

/** The closest of `words` within the typo budget of `word`, or undefined (ties: none). */
export function closest(word: string, words: Iterable<string>): string | undefined {
  const budget = typoBudget(word);
  if (budget === 0) return undefined;
  let best: string | undefined;
  let bestD = budget + 1;
  let tie = false;
  for (const w of words) {
    if (Math.abs(w.length - word.length) > budget || w.length < 4) continue;
    const d = editDistance(word, w, budget);
    if (d < bestD) {
      best = w;
      bestD = d;
      tie = false;
    } else if (d === bestD && w !== best) {
      tie = true;
    }
  }
  return bestD <= budget && !tie ? best : undefined;
}

const NUMBER_WORDS: Record<string, number> = {
  zero: 0,
  none: 0,
  one: 1,
  single: 1,
  two: 2,
  couple: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  fifty: 50,
  hundred: 100,
};

/** A whole number written as digits or a common English word. */
export function numberOf(word: string | undefined): number | undefined {
  if (word === undefined) return undefined;
  if (/^\d{1,6}$/.test(word)) return Number(word);
  return NUMBER_WORDS[word];
}

export const NUMBER_PATTERN = `(\\d{1,6}|${Object.keys(NUMBER_WORDS).join('|')})`;

/**
 * Lower case, quotes and trailing punctuation dropped, spacing normalised; keeps the
 * characters names and selectors use (`-`, `.`, `/`, `=`, `:`, `!`, `,`).
 */
export function normalize(message: string): string {
  return message
    .toLowerCase()
    .replace(/[\u2018\u2019\u201c\u201d"'`]/g, ' ')
    .replace(/[?;]+/g, ' ')
    .replace(/(^|\s)#(\d)/g, '$1$2')
    .replace(/[.!,]+(\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
