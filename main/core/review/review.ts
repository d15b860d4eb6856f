import type { Db } from '../store';
import { DiwanError } from '../shared/errors';
import type { AuditPort, Clock } from '../shared/ports';
import { AUDIT_ACTIONS } from '../audit/actions';
import type { DeviceIdentity } from '../auth/device';
import type { Session } from '../auth/sessions';
import type { MaskedTranscript, QualityReview, TranscriptPort } from './ports';
import { maskMessage } from '../masking';
import { transcriptHtml, transcriptJson, type TranscriptDocument } from './render';

export interface SignedExport {
  fileName: string;
  mediaType: 'text/html' | 'application/json';
  content: string;
  /** Detached: an Ed25519 signature (device key) over the exact UTF-8 bytes of `content`. */
  signature: { alg: 'Ed25519'; device: string; publicKey: string; signature: string };
}

const MAX_COMMENT = 2000;

/**
 * A quality score is a whole number from 1 to 5 with a comment of at most 2000 characters; returns the comment
 * trimmed. A lead may quote the customer's number in it, so callers mask it like customer text before storing it.
 */
export function checkQualityScore(score: number, commentText: string): string {
  if (!Number.isInteger(score) || score < 1 || score > 5) throw new DiwanError('score_invalid', 'A quality score is a whole number from 1 to 5.');
  const typed = commentText.trim();
  if (typed.length > MAX_COMMENT) throw new DiwanError('comment_too_long', `Keep the comment under ${MAX_COMMENT} characters.`);
  return typed;
}

/** Team-lead review: masked transcripts, quality scores with comments, and signed masked exports. */
export class ReviewService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditPort,
    private readonly transcripts: TranscriptPort,
    private readonly device: () => DeviceIdentity,
  ) {}

  /** Opening a conversation for review is recorded like any other opening. */
  transcript(session: Session, conversationId: number): MaskedTranscript {
    const t = this.load(conversationId);
    this.audit({ action: AUDIT_ACTIONS.conversationOpened, actor: session.username, target: `conversation:${conversationId}`, details: { view: 'review' } });
    return t;
  }

  setScore(session: Session, conversationId: number, score: number, commentText: string): QualityReview {
    const comment = maskMessage(checkQualityScore(score, commentText)).masked;
    this.load(conversationId);
    const now = this.clock.now();
    this.db
      .prepare(
        `INSERT INTO quality_reviews (conversation_id, reviewer_id, score, comment, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(conversation_id, reviewer_id) DO UPDATE SET score = excluded.score, comment = excluded.comment, updated_at = excluded.updated_at`,
      )
      .run(conversationId, session.userId, score, comment, now, now);
    // The comment is free text a lead wrote about the conversation: it stays in the review, not in the audit trail.
    this.audit({ action: AUDIT_ACTIONS.qualityScored, actor: session.username, target: `conversation:${conversationId}`, details: { score } });
    return { conversationId, reviewer: session.username, score, comment, updatedAt: now };
  }

  scores(conversationId: number): QualityReview[] {
    const rows = this.db
      .prepare(
        `SELECT q.conversation_id AS conversationId, u.username AS reviewer, q.score, q.comment, q.updated_at AS updatedAt
         FROM quality_reviews q JOIN users u ON u.id = q.reviewer_id WHERE q.conversation_id = ? ORDER BY q.updated_at, u.username`,
      )
      .all(conversationId) as QualityReview[];
    // The column is TEXT (the first schema's opaque ids): the reviews are of the conversation asked for.
    return rows.map((r) => ({ ...r, conversationId }));
  }

  export(session: Session, conversationId: number, format: 'html' | 'json'): SignedExport {
    const device = this.device();
    const now = this.clock.now();
    const doc: TranscriptDocument = {
      format: 'diwan-masked-transcript-v1',
      exportedAt: new Date(now).toISOString(),
      exportedBy: session.username,
      device: device.fingerprint,
      transcript: this.load(conversationId),
      reviews: this.scores(conversationId),
    };
    const signed = signedExport(doc, format, { id: device.fingerprint, publicKeyPem: device.publicKeyPem, sign: (c) => device.sign(c) });
    this.audit({ action: AUDIT_ACTIONS.transcriptExported, actor: session.username, target: `conversation:${conversationId}`, details: { format } });
    return signed;
  }

  private load(conversationId: number): MaskedTranscript {
    const t = this.transcripts.maskedTranscript(conversationId);
    if (!t) throw new DiwanError('conversation_not_found', 'There is no such conversation.');
    return t;
  }
}

/** Who signs an export: this computer's device key on a single seat, the hub's grant key at a team hub. */
export interface ExportSigner {
  /** The signer's fingerprint (SHA-256 of the raw Ed25519 public key). */
  id: string;
  publicKeyPem: string;
  /** Base64 Ed25519 signature of the exact UTF-8 bytes given. */
  sign(content: string): string;
}

/** The export's file: the document rendered as HTML or JSON, with a detached Ed25519 signature over its exact bytes. */
export function signedExport(doc: TranscriptDocument, format: 'html' | 'json', signer: ExportSigner): SignedExport {
  const content = format === 'html' ? transcriptHtml(doc) : transcriptJson(doc);
  return {
    fileName: `diwan-transcript-${safeName(String(doc.transcript.conversationId))}.${format}`,
    mediaType: format === 'html' ? 'text/html' : 'application/json',
    content,
    signature: { alg: 'Ed25519', device: signer.id, publicKey: signer.publicKeyPem, signature: signer.sign(content) },
  };
}

function safeName(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64);
}
