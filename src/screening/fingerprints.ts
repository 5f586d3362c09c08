/**
 * Copy screening's method (docs/copy-screening.md explains it with its figures).
 *
 * A text is folded (lower case, no diacritics, đ→d: a copy retyped without accents still matches), cut into
 * sentences, and each sentence into overlapping runs of SHINGLE_WORDS words ("shingles"). Shingles never cross a
 * sentence boundary, so reordering sentences changes nothing and rewriting one changes only its own shingles.
 * Each shingle is hashed to 32 bits.
 *
 * Candidates are found through fingerprints: the shingle hashes that are 0 modulo SAMPLE_MODULUS (Broder's
 * mod-m sampling, as in MOSS's winnowing). The choice depends on the shingle alone, so a passage shared by two
 * texts yields the same fingerprints in both, whatever surrounds it: one eighth of what is shared is in the index,
 * and a copy of even part of a text shares several fingerprints with its source. (MinHash over the whole text
 * estimates Jaccard similarity, which a partly copied text dilutes; containment is what a council asks.)
 *
 * Candidates are then measured exactly on all their shingles: the similarity is the share of this text's shingles
 * also found in the other (containment), and the passages are the sentence pairs that share most of their words.
 */
import { foldForSearch } from "../shared/text.js";

/**
 * Words per shingle. Vietnamese words are syllables: eight make three or four words, a clause. Shorter shingles are
 * stock phrases shared by unrelated texts ("nâng cao chất lượng dạy học"); longer ones miss lightly edited copies.
 */
export const SHINGLE_WORDS = 8;
/** One shingle hash in this many is a fingerprint (kept in the index). */
export const SAMPLE_MODULUS = 8;
/** A text with fewer sampled fingerprints also keeps its smallest hashes up to this many (short texts). */
export const MIN_FINGERPRINTS = 4;

export interface Sentence {
  /** As written, for quoting. */
  text: string;
  /** Its shingle hashes (signed 32-bit, as PostgreSQL's integer stores them). */
  hashes: number[];
}

export interface Shingled {
  sentences: Sentence[];
  /** Every distinct shingle hash of the text. */
  hashes: Set<number>;
}

/** Sentences end at . ! ? ; … or a line break; a decimal point ("2.5") does not end one. */
const SENTENCE_END = /(?<=[.!?;…])\s+|\n+/u;

/** FNV-1a over the UTF-16 units, then MurmurHash3's finaliser so the low bits (the sample) are well mixed. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

export function words(text: string): string[] {
  return foldForSearch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** Shingle hashes of one sentence; a sentence shorter than a shingle but of 3+ words counts as one. */
function sentenceHashes(sentence: string): number[] {
  const w = words(sentence);
  if (w.length < SHINGLE_WORDS) return w.length >= 3 ? [hash32(w.join(" "))] : [];
  const out: number[] = [];
  for (let i = 0; i + SHINGLE_WORDS <= w.length; i++)
    out.push(hash32(w.slice(i, i + SHINGLE_WORDS).join(" ")));
  return out;
}

export function shingle(text: string): Shingled {
  const sentences: Sentence[] = [];
  const hashes = new Set<number>();
  for (const raw of text.split(SENTENCE_END)) {
    const t = raw.trim();
    if (t === "") continue;
    const h = sentenceHashes(t);
    if (h.length === 0) continue;
    sentences.push({ text: t, hashes: h });
    for (const x of h) hashes.add(x);
  }
  return { sentences, hashes };
}

/** The hashes a text is indexed under: the sampled ones, topped up with the smallest for a short text. */
export function fingerprints(hashes: Iterable<number>): number[] {
  const all = [...hashes];
  const sampled = all.filter((h) => (h >>> 0) % SAMPLE_MODULUS === 0);
  if (sampled.length >= MIN_FINGERPRINTS) return sampled.sort((a, b) => a - b);
  const rest = all.filter((h) => (h >>> 0) % SAMPLE_MODULUS !== 0).sort((a, b) => a - b);
  return [...sampled, ...rest.slice(0, MIN_FINGERPRINTS - sampled.length)].sort((a, b) => a - b);
}

/** A sentence counts as found in the other text when at least this share of its shingles is there. */
export const SENTENCE_FOUND = 0.6;

/**
 * How much of `mine` the other text already holds (0..1): the share of this text's shingles that lie in sentences
 * found in `theirs` (SENTENCE_FOUND of a sentence's shingles there). A stock phrase inside an otherwise different
 * sentence does not count; a sentence copied whole, wherever it was moved, does.
 */
export function containment(mine: Shingled, theirs: Shingled): number {
  let total = 0;
  let found = 0;
  for (const s of mine.sentences) {
    const own = new Set(s.hashes);
    let shared = 0;
    for (const h of own) if (theirs.hashes.has(h)) shared++;
    total += own.size;
    if (shared >= SENTENCE_FOUND * own.size) found += shared;
  }
  return total === 0 ? 0 : found / total;
}

export interface Passage {
  mine: string;
  theirs: string;
  /** Shingles the two sentences share. */
  shared: number;
}

/** A sentence is quoted when at least this share of its shingles is in the paired sentence. */
const PASSAGE_MIN_SHARE = SENTENCE_FOUND;

/**
 * The overlapping passages, side by side: each sentence of `mine` paired with the sentence of `theirs` sharing
 * most of its shingles, kept when they share at least half; longest overlaps first, each source sentence once.
 */
export function alignPassages(mine: Shingled, theirs: Shingled, max: number): Passage[] {
  const where = new Map<number, number[]>();
  theirs.sentences.forEach((s, i) => {
    for (const h of s.hashes) {
      const list = where.get(h);
      if (list) list.push(i);
      else where.set(h, [i]);
    }
  });
  const pairs: Passage[] = [];
  const used = new Set<number>();
  for (const s of mine.sentences) {
    const counts = new Map<number, number>();
    for (const h of new Set(s.hashes))
      for (const i of where.get(h) ?? []) counts.set(i, (counts.get(i) ?? 0) + 1);
    let best = -1;
    let bestCount = 0;
    for (const [i, n] of counts)
      if (n > bestCount || (n === bestCount && i < best)) [best, bestCount] = [i, n];
    const source = theirs.sentences[best];
    if (!source || used.has(best) || bestCount < PASSAGE_MIN_SHARE * new Set(s.hashes).size) continue;
    used.add(best);
    pairs.push({ mine: s.text, theirs: source.text, shared: bestCount });
  }
  return pairs.sort((a, b) => b.shared - a.shared).slice(0, max);
}

/** What screening reads of a submission: the problem and the essence (an initiative), the achievements (a nomination). */
export function screenedText(fields: Record<string, unknown>): string {
  return ["problem", "essence", "achievements"]
    .map((key) => fields[key])
    .filter((v): v is string => typeof v === "string" && v.trim() !== "")
    .join("\n");
}
