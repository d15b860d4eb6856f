export { WhatsAppConnector } from './connector';
export { parseWhatsAppWebhook, statusesToReceipts, type WhatsAppStatus, type WhatsAppWebhook } from './webhook';
export { verifyHubSignature, hubSignature, answerVerification } from './signature';
