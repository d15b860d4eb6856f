import { DiwanError } from '../shared/errors';
import { asConnectorError, isConnectorError } from './errors';
import { redact } from './http/redact';
import type { AttachmentContent, Connector } from './types';

/**
 * The rules for a customer's file opened on demand, written once for the console and the hub: how large it may be,
 * which platform links Diwan follows, and what the agent's screen may show. The type is read from the file's first
 * bytes, never taken from the platform's or the sender's word.
 */
export const ATTACHMENT_LIMITS = {
  /** The largest file fetched (WhatsApp's own media limit is 100 MB for documents; most are far smaller). */
  maxBytes: 25 * 1024 * 1024,
} as const;

/** Raster images the console draws itself. SVG is never drawn (it can carry script); it is saved like any file. */
const IMAGE_SIGNATURES: Array<{ mimeType: string; test: (b: Buffer) => boolean }> = [
  { mimeType: 'image/png', test: (b) => b.length > 8 && b.readUInt32BE(0) === 0x89504e47 && b.readUInt32BE(4) === 0x0d0a1a0a },
  { mimeType: 'image/jpeg', test: (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mimeType: 'image/gif', test: (b) => b.length > 6 && /^GIF8[79]a$/.test(b.subarray(0, 6).toString('latin1')) },
  { mimeType: 'image/webp', test: (b) => b.length > 12 && b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
];

/** Programs, by their first bytes: Windows PE (`MZ`), ELF, Mach-O (both byte orders, fat), scripts (`#!`). */
const PROGRAM_SIGNATURES: Array<(b: Buffer) => boolean> = [
  (b) => b.length >= 2 && b[0] === 0x4d && b[1] === 0x5a,
  (b) => b.length >= 4 && b.readUInt32BE(0) === 0x7f454c46,
  (b) => b.length >= 4 && [0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe].includes(b.readUInt32BE(0)),
  (b) => b.length >= 2 && b[0] === 0x23 && b[1] === 0x21,
];

/** Declared types and names that run when opened; refused even when the bytes look harmless. */
const PROGRAM_TYPES = /^application\/(x-msdownload|x-msdos-program|x-executable|x-elf|x-mach-binary|x-sh|x-csh|x-msi|x-ms-installer|vnd\.microsoft\.portable-executable|java-archive|x-java-archive|hta|x-bat|x-powershell)\b/i;
const PROGRAM_NAMES = /\.(exe|com|scr|pif|bat|cmd|msi|msp|ps1|psm1|vbs|vbe|js|jse|wsf|wsh|hta|jar|sh|app|dmg|pkg|lnk|reg|cpl|dll|iso)$/i;

export interface CheckedAttachment {
  content: Buffer;
  /** From the bytes when recognised, else the platform's declared type (never trusted to decide `display`). */
  mimeType: string;
  /** A file name safe to offer in a save dialog: no directories, no control characters, bounded. */
  fileName: string;
  /** `image`: a raster picture the console may draw; `file`: only ever saved. */
  display: 'image' | 'file';
}

/**
 * Checks a fetched file before anyone sees it: over the size limit or a program → refused with a sentence; an
 * image only when its bytes say so. `fallbackName` names a file the platform gave no name for.
 */
export function checkAttachment(got: AttachmentContent, fallbackName: string, maxBytes: number = ATTACHMENT_LIMITS.maxBytes): CheckedAttachment {
  const b = got.content;
  if (b.length > maxBytes) {
    throw new DiwanError('attachment_too_large', `This file is ${megabytes(b.length)} MB; Diwan opens files up to ${megabytes(maxBytes)} MB. Ask the customer to send a smaller one or another way.`);
  }
  if (b.length === 0) throw new DiwanError('attachment_empty', 'The platform sent this file empty; ask the customer to send it again.');
  const fileName = safeFileName(got.fileName, fallbackName);
  if (PROGRAM_SIGNATURES.some((t) => t(b)) || PROGRAM_TYPES.test(got.mimeType ?? '') || PROGRAM_NAMES.test(fileName)) {
    throw new DiwanError('attachment_refused', 'This file is a program or script; Diwan does not open or save those. Ask the customer what they meant to send.');
  }
  const image = IMAGE_SIGNATURES.find((s) => s.test(b));
  return {
    content: b,
    mimeType: image?.mimeType ?? plainType(got.mimeType),
    fileName,
    display: image ? 'image' : 'file',
  };
}

/**
 * One file through a started connector; its failures become sentences for the agent (`attachment_too_large`,
 * `attachment_unavailable`), a channel that keeps no fetchable copy says so.
 */
export async function fetchThrough(connector: Connector, ref: string, signal: AbortSignal): Promise<AttachmentContent> {
  if (!connector.fetchAttachment) throw new DiwanError('attachment_unsupported', 'This channel keeps no fetchable copy of files here; open the file on the platform itself.');
  try {
    return await connector.fetchAttachment(ref, signal);
  } catch (e) {
    if (e instanceof DiwanError && !isConnectorError(e)) throw e;
    const err = asConnectorError(e, redact);
    throw new DiwanError(err.kind === 'too-large' ? 'attachment_too_large' : 'attachment_unavailable', err.message);
  }
}

/** A platform's link to a file, followed only when it is HTTPS on one of the platform's hosts (or the configured API's own origin, which is how tests point a channel at an emulator). */
export function attachmentUrl(ref: string, hostSuffixes: readonly string[], ownOrigin: string): URL {
  let url: URL;
  try {
    url = new URL(ref);
  } catch {
    throw new DiwanError('attachment_reference', 'This attachment has no link Diwan can follow; ask the customer to send it again.');
  }
  const host = url.hostname.toLowerCase();
  const onPlatform = url.protocol === 'https:' && hostSuffixes.some((s) => host === s || host.endsWith(`.${s}`));
  if (!onPlatform && url.origin !== ownOrigin) {
    throw new DiwanError('attachment_reference', "This attachment's link does not point at the platform's own servers, so Diwan does not follow it.");
  }
  return url;
}

function safeFileName(name: string | undefined, fallback: string): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f<>:"|?*\u202a-\u202e\u2066-\u2069]/g, '').replace(/^\.+/, '').trim().slice(0, 120);
  return clean || fallback;
}

function plainType(declared: string | undefined): string {
  const t = (declared ?? '').split(';')[0]!.trim().toLowerCase();
  return /^[a-z0-9.+-]+\/[a-z0-9.+-]+$/.test(t) && !t.startsWith('image/') ? t : 'application/octet-stream';
}

function megabytes(n: number): string {
  return (n / (1024 * 1024)).toFixed(n < 10 * 1024 * 1024 ? 1 : 0);
}
