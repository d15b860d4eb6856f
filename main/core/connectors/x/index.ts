export { XConnector, X_API } from './connector';
export { parseAccountActivity, parseDmEvents, pairConversationId } from './map';
export { answerXCrc, verifyXSignature, xSignature } from './webhook';
