export { loadCustodianConfig, parseCustodianConfig, type CustodianConfig } from './config';
export { Custodian, CustodianRefusal, type CustodianOptions } from './custodian';
// The key files and the hash-chained log are shared with the single-seat console's in-process custodian.
export { CustodianLog, epochAt, EpochKeys, keyEncryptionKey, verifyCustodianLog, type CustodianEntry, type EpochLength } from '../core/custody';
export { checkGrant, type GrantRefusal } from './check-grant';
export { startCustodian, type RunningCustodian } from './server';
