export { XConnector, X_API } from './connector';
export { parseAccountActivity, parseDmEvents, pairConversationId } from './map';
