export { ReviewService, checkQualityScore, type QualityReview, type SignedExport } from './review';
export { type TranscriptPort, type MaskedTranscript, type MaskedMessage } from './ports';
export type { TranscriptDocument } from './render';
