/**
 * The learned half of the outbound guard: logistic regression over hashed character n-grams (2–4, within and across
 * word edges, so Arabic, Persian, Latin, Arabizi and Finglish need no tokenizer of their own) and word uni/bigrams of
 * the folded text. Trained in the repository (`bench/guard/train-model.ts`) from the labelled voice corpora; the
 * weights are the checked-in `request-model.json`, loaded with the code, nothing fetched at run time.
 * The rules decide; the model only ever adds a block, above a threshold chosen when it was trained (see
 * `bench/README.md` for whether it is switched on and why).
 */
import { ownWords } from './classify';
import checkedIn from './request-model.json';

export interface RequestModel {
  /** Feature space: hashed into this many buckets. */
  buckets: number;
  bias: number;
  /** One weight per bucket. */
  weights: number[];
  /** A reply the rules allow is blocked when the model's probability is at least this. */
  threshold: number;
  /** Whether the guard uses the model at all (false when leave-one-round-out showed it does not help). */
  enabled: boolean;
}

export const REQUEST_MODEL = checkedIn as RequestModel;

/** FNV-1a, 32 bits: the same bucket for the same n-gram on every machine. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Bucket → value, L2-normalised presence of each n-gram (so a long reply does not outweigh a short one). */
export function requestFeatures(text: string, buckets: number): Map<number, number> {
  const words = ownWords(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  const seen = new Set<number>();
  const add = (g: string) => seen.add(hash(g) % buckets);
  const joined = ` ${words.join(' ')} `;
  for (let n = 2; n <= 4; n++) for (let i = 0; i + n <= joined.length; i++) add(`c${n}:${joined.slice(i, i + n)}`);
  for (let i = 0; i < words.length; i++) {
    add(`w:${words[i]}`);
    if (i + 1 < words.length) add(`b:${words[i]} ${words[i + 1]}`);
  }
  const norm = 1 / Math.sqrt(seen.size || 1);
  return new Map([...seen].map((b) => [b, norm]));
}

/** The model's probability that the reply asks the customer to hand over a secret. */
export function requestProbability(text: string, model: RequestModel = REQUEST_MODEL): number {
  const w = model.weights;
  let z = model.bias;
  for (const [b, v] of requestFeatures(text, model.buckets)) z += w[b]! * v;
  return 1 / (1 + Math.exp(-z));
}
