export { loadCustodianConfig, parseCustodianConfig, type CustodianConfig } from './config';
export { Custodian, CustodianRefusal, type CustodianOptions } from './custodian';
export { CustodianLog, verifyCustodianLog, type CustodianEntry } from './custodian-log';
export { epochAt, EpochKeys, keyEncryptionKey, type EpochLength } from './epoch-keys';
export { checkGrant, type GrantRefusal } from './check-grant';
export { startCustodian, type RunningCustodian } from './server';
