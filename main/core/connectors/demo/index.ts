export { DemoConnector } from './connector';
export { SCRIPTS, type DemoKind, type DemoLanguage } from './scripts';
export { saudiId, cardNumber, iban, iranianId, iranianIdValid, luhnValid } from './values';
