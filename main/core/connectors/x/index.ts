export { XConnector, X_API } from './connector';
