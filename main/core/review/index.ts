export { ReviewService, checkQualityScore, signedExport, type ExportSigner, type QualityReview, type SignedExport } from './review';
export { type TranscriptPort, type MaskedTranscript, type MaskedMessage } from './ports';
export type { TranscriptDocument } from './render';
