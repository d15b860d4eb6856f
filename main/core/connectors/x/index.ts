export { XConnector, X_API } from './connector';
export { parseDmEvents } from './map';
