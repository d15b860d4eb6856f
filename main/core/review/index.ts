export { ReviewService, checkQualityScore, signedExport, type ExportSigner, type SignedExport } from './review';
export { type TranscriptPort, type MaskedTranscript, type MaskedMessage, type QualityReview } from './ports';
export type { ExportedConsent, TranscriptDocument } from './render';
