import type { MaskedTranscript, QualityReview } from './ports';

export interface TranscriptDocument {
  format: 'diwan-masked-transcript-v1';
  exportedAt: string;
  exportedBy: string;
  device: string;
  transcript: MaskedTranscript;
  reviews: QualityReview[];
  /**
   * A team hub's export only (a single seat sends no notices): what the conversation's contact was told on first
   * contact — the notice's version and language, when it went out, when the customer wrote after it; null when no
   * notice went to them. It is the subject's consent record: the hub has no other data-subject export.
   */
  consent?: ExportedConsent | null;
}

export interface ExportedConsent {
  channelId: string;
  noticeVersion: number;
  language: string | null;
  notifiedAt: string;
  acknowledgedAt: string | null;
}

/**
 * Canonical JSON of the export (two-space indented, fixed key order as built). Format v1 writes message ids as
 * strings, as it always has: verifiers and archives of earlier exports read them so.
 */
export function transcriptJson(doc: TranscriptDocument): string {
  const messages = doc.transcript.messages.map((m) => ({ ...m, id: String(m.id) }));
  return JSON.stringify({ ...doc, transcript: { ...doc.transcript, messages } }, null, 2) + '\n';
}

/**
 * A self-contained HTML page: no script, no external resource, a CSP that forbids both, every value escaped.
 * It opens in any browser and prints cleanly.
 */
export function transcriptHtml(doc: TranscriptDocument): string {
  const t = doc.transcript;
  const rows = t.messages
    .map(
      (m) =>
        `<tr class="${m.direction}"><td>${esc(new Date(m.sentAt).toISOString())}</td><td>${esc(m.direction === 'in' ? 'customer' : 'agent')}${m.author ? ` (${esc(m.author)})` : ''}</td><td>${esc(m.text).replace(/\n/g, '<br>')}</td></tr>`,
    )
    .join('\n');
  const reviews = doc.reviews.length
    ? `<h2>Quality reviews</h2>\n<ul>\n${doc.reviews.map((r) => `<li>${esc(r.reviewer)}: ${r.score}/5 — ${esc(r.comment)}</li>`).join('\n')}\n</ul>`
    : '';
  const consent = doc.consent === undefined ? '' : consentHtml(doc.consent);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Masked transcript ${t.conversationId}</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 2rem; }
table { border-collapse: collapse; inline-size: 100%; }
td { border-block-end: 1px solid #ddd; padding: .4rem; vertical-align: top; }
tr.out td { background: #f4f8ff; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
</style>
</head>
<body>
<h1>Masked transcript</h1>
<dl>
<dt>Conversation</dt><dd>${t.conversationId}</dd>
<dt>Channel</dt><dd>${esc(t.channel)}</dd>
<dt>Contact</dt><dd>${esc(t.contact)}</dd>
<dt>Exported</dt><dd>${esc(doc.exportedAt)} by ${esc(doc.exportedBy)}</dd>
<dt>Device</dt><dd>${esc(doc.device)}</dd>
</dl>
<table>
${rows}
</table>
${reviews}
${consent}
</body>
</html>
`;
}

function consentHtml(c: ExportedConsent | null): string {
  if (!c) return '<h2>Consent notice</h2>\n<p>No consent notice was sent to this contact.</p>';
  return `<h2>Consent notice</h2>
<dl>
<dt>Channel</dt><dd>${esc(c.channelId)}</dd>
<dt>Notice version</dt><dd>${c.noticeVersion}</dd>
<dt>Language</dt><dd>${esc(c.language ?? 'not recorded')}</dd>
<dt>Sent</dt><dd>${esc(c.notifiedAt)}</dd>
<dt>Customer wrote after it</dt><dd>${esc(c.acknowledgedAt ?? 'not yet')}</dd>
</dl>`;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
