export { EmailConnector } from './connector';
export { htmlToSafeText } from './html';
export { safeOriginalView } from './original-view';
export { parseMail, type ParsedMail } from './parse';
export { authVerdicts, senderSignals, automaticKind, type SenderSignal, type AuthVerdicts } from './signals';
export { messageIds, ThreadIndex, replyReferences, replySubject } from './threading';
export { formatCursor, parseCursor, type MailCursor } from './cursor';
