import type { FieldCipher } from '../vault';
import { identity } from './context';
import type { Masker } from './masker';
import { indexBody } from './search-text';

/** What the ingest path derives from a message's text before it touches the database. */
export interface PreparedText {
  masked: string;
  /** The masked text as the search index sees it. */
  body: string;
  textEnc: Uint8Array;
  keyVersion: number;
  fields: Array<{ type: string; start: number; end: number; valueEnc: Uint8Array }>;
}

/** Masks, normalises for search and encrypts texts whose messages take the ids `firstId`, `firstId + 1`, … */
export function prepareTexts(texts: readonly string[], firstId: number, masker: Masker, cipher: FieldCipher): PreparedText[] {
  return texts.map((text, i) => {
    const id = firstId + i;
    const { masked, fields } = masker(text);
    return {
      masked,
      body: indexBody(masked),
      textEnc: cipher.encrypt(identity.messageText(id), text),
      keyVersion: cipher.currentVersion,
      fields: fields.map((f, n) => ({ type: f.type, start: f.start, end: f.end, valueEnc: cipher.encrypt(identity.messageField(id, n), f.value) })),
    };
  });
}

/**
 * Prepares a batch's texts in chunks of `chunkSize`. `start` begins the work and returns a function that gives
 * chunk k (waiting for it if need be), so the ingest path can look up and write earlier messages while a
 * preparer running elsewhere works on later ones.
 */
export interface TextPreparer {
  readonly chunkSize: number;
  start(texts: readonly string[], firstId: number, tools: PrepareTools): (chunk: number) => PreparedText[];
}

export interface PrepareTools {
  masker: Masker;
  cipher: FieldCipher;
}

/** Prepares each chunk when it is asked for, on the calling thread. */
export const inlinePreparer: TextPreparer = {
  chunkSize: 128,
  start(texts, firstId, { masker, cipher }) {
    const size = this.chunkSize;
    return (k) => prepareTexts(texts.slice(k * size, (k + 1) * size), firstId + k * size, masker, cipher);
  },
};
