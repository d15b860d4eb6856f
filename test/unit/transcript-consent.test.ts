import { describe, expect, it } from 'vitest';
import { transcriptHtml, transcriptJson, type TranscriptDocument } from '../../main/core/review/render';

const base: TranscriptDocument = {
  format: 'diwan-masked-transcript-v1',
  exportedAt: '2026-12-03T18:00:00.000Z',
  exportedBy: 'layla',
  device: 'ab'.repeat(32),
  transcript: { conversationId: 7, channel: 'telegram', contact: 'Sara', messages: [] },
  reviews: [],
};

/** The consent record in the signed transcript export: a hub's export carries it, a single seat's has no such key. */
describe('the consent record in a transcript export', () => {
  it('a single seat’s document has no consent key nor section', () => {
    expect(JSON.parse(transcriptJson(base))).not.toHaveProperty('consent');
    expect(transcriptHtml(base)).not.toContain('Consent notice');
  });

  it('a hub’s record is in the JSON as given and in the HTML, escaped', () => {
    const consent = { channelId: 'tg<b>', noticeVersion: 2, language: 'fa', notifiedAt: '2026-12-01T10:00:00.000Z', acknowledgedAt: null };
    const doc = { ...base, consent };
    expect(JSON.parse(transcriptJson(doc)).consent).toEqual(consent);
    const html = transcriptHtml(doc);
    expect(html).toContain('<dt>Notice version</dt><dd>2</dd>');
    expect(html).toContain('<dt>Language</dt><dd>fa</dd>');
    expect(html).toContain('<dt>Customer wrote after it</dt><dd>not yet</dd>');
    expect(html).toContain('tg&lt;b&gt;');
    expect(html).not.toContain('tg<b>');
  });

  it('a contact never notified is said so', () => {
    expect(JSON.parse(transcriptJson({ ...base, consent: null })).consent).toBeNull();
    expect(transcriptHtml({ ...base, consent: null })).toContain('No consent notice was sent to this contact.');
  });
});
