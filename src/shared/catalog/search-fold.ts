// How knowledge search compares text, shared so the server finds exactly what
// the web app highlights. No zod, no I/O: the search page imports it.
//
// Japanese is typed in several equivalent forms: full-width ＢＣＰ or half-width
// BCP, half-width ｶﾀｶﾅ or カタカナ, katakana or hiragana. NFKC unifies the width
// forms (and composes ｶﾞ into ガ); lower case folds Latin case; katakana is then
// read as hiragana. PostgreSQL cannot do this on the embedded database (its
// C locale folds ASCII only), so search folds in JavaScript.

/** Katakana ァ (U+30A1) … ヶ (U+30F6) are hiragana ぁ … ゖ shifted by 0x60; ー and ・ have no hiragana form. */
const KATAKANA_FIRST = 0x30a1;
const KATAKANA_LAST = 0x30f6;
const KATAKANA_TO_HIRAGANA = 0x60;

const COMBINING_MARK = /^\p{M}+$/u;

function foldPiece(piece: string): string {
  let out = '';
  for (const char of piece.normalize('NFKC').toLowerCase()) {
    const code = char.codePointAt(0)!;
    out += code >= KATAKANA_FIRST && code <= KATAKANA_LAST ? String.fromCodePoint(code - KATAKANA_TO_HIRAGANA) : char;
  }
  return out;
}

/** The folded form of a whole text: what search compares. */
export function foldForSearch(text: string): string {
  return foldPiece(text);
}

export interface FoldedText {
  folded: string;
  /** For each UTF-16 unit of `folded`, the [start, end) range of `text` it came from. */
  start: number[];
  end: number[];
}

/**
 * The folded text with a map back to the original, so a match found in the
 * folded form can be marked in the text as written. Folded character by
 * character; a combining mark (half-width ﾞ ﾟ) joins the character before it,
 * as NFKC would compose them.
 */
export function foldWithMap(text: string): FoldedText {
  const groups: { from: number; to: number; folded: string }[] = [];
  let offset = 0;
  for (const char of text) {
    const folded = foldPiece(char);
    const last = groups.at(-1);
    if (last && COMBINING_MARK.test(char.normalize('NFKC'))) {
      last.folded = foldPiece(text.slice(last.from, offset + char.length));
      last.to = offset + char.length;
    } else {
      groups.push({ from: offset, to: offset + char.length, folded });
    }
    offset += char.length;
  }
  const result: FoldedText = { folded: '', start: [], end: [] };
  for (const group of groups) {
    result.folded += group.folded;
    for (let i = 0; i < group.folded.length; i++) {
      result.start.push(group.from);
      result.end.push(group.to);
    }
  }
  return result;
}

/** Every [start, end) range of `text` (as written) where the folded `q` occurs in the folded text. */
export function foldedMatches(text: string, q: string): [start: number, end: number][] {
  const needle = foldForSearch(q.trim());
  if (!needle || !text) return [];
  const { folded, start, end } = foldWithMap(text);
  const ranges: [number, number][] = [];
  for (let at = folded.indexOf(needle); at !== -1; at = folded.indexOf(needle, at + needle.length)) {
    const from = start[at];
    const to = end[at + needle.length - 1];
    // A match that starts inside the previous one's original character (a ligature folded to several letters) joins it.
    const previous = ranges.at(-1);
    if (previous && from < previous[1]) previous[1] = Math.max(previous[1], to);
    else ranges.push([from, to]);
  }
  return ranges;
}
