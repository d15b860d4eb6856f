export { MetaConnector } from './connector';
export { parseMessagingWebhook } from './webhook';
export { GRAPH_API, GRAPH_VERSION, parseGraphTime } from './graph';
