/**
 * How the review reaches a conversation: `storeTranscripts` (`app/store-ports.ts`) implements it over the store,
 * which holds only masked text outside the encrypted originals, and `openCore` passes it in; a team hub builds the
 * same shape in `hub/store/transcript-export.ts`.
 */
export interface MaskedMessage {
  /** The store's message id (the one reveals name). */
  id: number;
  direction: 'in' | 'out';
  sentAt: number;
  /** Who wrote it: the agent's username for `out`, the contact's masked label for `in`. */
  author: string | null;
  /** Masked text: sensitive fields replaced by their placeholders. */
  text: string;
}

/** A lead's quality score of one conversation, with the comment that explains it. */
export interface QualityReview {
  conversationId: number;
  reviewer: string;
  score: number;
  comment: string;
  updatedAt: number;
}

export interface MaskedTranscript {
  conversationId: number;
  channel: string;
  /** The contact as the console shows it (masked). */
  contact: string;
  messages: MaskedMessage[];
}

export interface TranscriptPort {
  maskedTranscript(conversationId: number): MaskedTranscript | null;
}
