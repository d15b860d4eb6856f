import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attachmentUrl, checkAttachment } from '../../../main/core/connectors/attachments';
import { META_MEDIA_HOSTS } from '../../../main/core/connectors/meta/graph';

const SIGNATURES: Record<string, number[]> = {
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/gif': [...Buffer.from('GIF89a')],
};
const PROGRAMS = [[0x4d, 0x5a], [0x7f, 0x45, 0x4c, 0x46], [0xcf, 0xfa, 0xed, 0xfe], [0x23, 0x21]];
const tail = fc.uint8Array({ minLength: 16, maxLength: 300 });
const anyType = fc.constantFrom(undefined, 'image/png', 'image/svg+xml', 'application/pdf', 'text/html', 'video/mp4', 'nonsense');

describe('checkAttachment: the type comes from the bytes, never from the platform', () => {
  it('a raster image is shown whatever type and name it was sent with', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(SIGNATURES)), tail, anyType, fc.string({ maxLength: 30 }), (type, rest, declared, name) => {
        const content = Buffer.concat([Buffer.from(SIGNATURES[type]!), Buffer.from(rest)]);
        const safeName = name.replace(/\.[a-z0-9]+$/i, '') + '.jpg';
        const r = checkAttachment({ content, ...(declared ? { mimeType: declared } : {}), fileName: safeName }, 'picture');
        expect(r).toMatchObject({ display: 'image', mimeType: type });
      }),
    );
  });

  it('anything else is a file to save, never shown, even when the platform calls it an image', () => {
    fc.assert(
      fc.property(tail, anyType, (rest, declared) => {
        const content = Buffer.concat([Buffer.from('%PDF-'), Buffer.from(rest)]);
        const r = checkAttachment({ content, ...(declared ? { mimeType: declared } : {}) }, 'file');
        expect(r.display).toBe('file');
        expect(r.mimeType.startsWith('image/')).toBe(false);
      }),
    );
  });

  it('a program is refused by its bytes, its declared type or its name', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PROGRAMS), tail, (magic, rest) => {
        expect(() => checkAttachment({ content: Buffer.concat([Buffer.from(magic), Buffer.from(rest)]), mimeType: 'image/png', fileName: 'photo.png' }, 'x')).toThrow(
          /program or script/,
        );
      }),
    );
    for (const name of ['invoice.pdf.exe', 'run.BAT', 'setup.msi', 'x.ps1', 'a.js', 'ok.lnk']) {
      expect(() => checkAttachment({ content: Buffer.from('%PDF-1.4 hello'), fileName: name }, 'x')).toThrow(/program or script/);
    }
    expect(() => checkAttachment({ content: Buffer.from('hello'), mimeType: 'application/x-msdownload' }, 'x')).toThrow(/program or script/);
  });

  it('names are cut to their last part, without control or direction characters; a missing one gets the fallback', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12 }), { maxLength: 4 }), fc.string({ maxLength: 200 }), (dirs, base) => {
        const r = checkAttachment({ content: Buffer.from('%PDF-1.4'), fileName: [...dirs, base].join('/') }, 'file');
        // eslint-disable-next-line no-control-regex
        expect(r.fileName).not.toMatch(/[/\\\u0000-\u001f\u202e]/);
        expect(r.fileName.length).toBeGreaterThan(0);
        expect(r.fileName.length).toBeLessThanOrEqual(120);
        expect(r.fileName.startsWith('.')).toBe(false);
      }),
    );
    expect(checkAttachment({ content: Buffer.from('%PDF'), fileName: 'report\u202Efdp.txt' }, 'f').fileName).toBe('reportfdp.txt');
  });

  it('over the limit and empty files are refused with a sentence', () => {
    expect(() => checkAttachment({ content: Buffer.alloc(2048, 1) }, 'f', 1024)).toThrow(/Diwan opens files up to/);
    expect(() => checkAttachment({ content: Buffer.alloc(0) }, 'f')).toThrow(/empty/);
  });
});

describe('attachmentUrl: only the platform\'s own HTTPS hosts, or the configured API origin', () => {
  it('follows Meta CDN links and refuses look-alikes, plain HTTP and other hosts', () => {
    expect(attachmentUrl('https://scontent.xx.fbcdn.net/v/t1/abc.jpg?oh=1', META_MEDIA_HOSTS, 'https://graph.facebook.com').hostname).toBe('scontent.xx.fbcdn.net');
    expect(attachmentUrl('https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1', META_MEDIA_HOSTS, 'https://graph.facebook.com').hostname).toBe('lookaside.fbsbx.com');
    for (const bad of ['http://scontent.fbcdn.net/x.jpg', 'https://fbcdn.net.evil.example/x', 'https://evilfbcdn.net/x', 'https://127.0.0.1:9/x', 'file:///etc/passwd', 'not a url']) {
      expect(() => attachmentUrl(bad, META_MEDIA_HOSTS, 'https://graph.facebook.com'), bad).toThrow();
    }
    expect(attachmentUrl('http://127.0.0.1:4000/cdn/a.png', META_MEDIA_HOSTS, 'http://127.0.0.1:4000').pathname).toBe('/cdn/a.png');
  });
});
