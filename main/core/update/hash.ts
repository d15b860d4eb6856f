import fs from 'node:fs';
import crypto from 'node:crypto';
import { DiwanError } from '../shared/errors';

export interface FileDigest {
  /** base64, as electron-builder's latest.yml writes it. */
  sha512: string;
  size: number;
}

/** SHA-512 and size of a file, streamed (installers are large). */
export async function digestFile(file: string): Promise<FileDigest> {
  const hash = crypto.createHash('sha512');
  let size = 0;
  try {
    for await (const chunk of fs.createReadStream(file)) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new DiwanError('file_unreadable', `Cannot read ${file}${code === 'ENOENT' ? ': it does not exist' : ` (${code ?? 'error'})`}.`);
  }
  return { sha512: hash.digest('base64'), size };
}
