export { ReviewService, type QualityReview, type SignedExport, MAX_COMMENT } from './review';
export { noTranscripts, type TranscriptPort, type MaskedTranscript, type MaskedMessage } from './ports';
export { transcriptHtml, transcriptJson, type TranscriptDocument } from './render';
