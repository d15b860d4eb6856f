export { WhatsAppConnector, recipientOf } from './connector';
export { parseWhatsAppWebhook, statusesToReceipts, whatsAppNote, type WhatsAppStatus, type WhatsAppWebhook } from './webhook';
export { verifyHubSignature, hubSignature, answerVerification } from './signature';
