export {
  epochOf,
  generateSealingKey,
  openSealed,
  originalContext,
  privateBytes,
  rawPublic,
  revealContext,
  sealAllTo,
  SealingSession,
  sealTo,
  x25519Private,
  x25519Public,
  type SealingKeyPair,
} from './seal';
export {
  APPROVAL_DOMAIN,
  AUDIT_HEAD_DOMAIN,
  fingerprintOfPem,
  GRANT_DOMAIN,
  REQUEST_DOMAIN,
  RevealApprovalSchema,
  RevealGrantSchema,
  RevealRequestSchema,
  signedText,
  signStatement,
  verifyStatement,
  type RevealApproval,
  type RevealGrant,
  type RevealRequest,
} from './grant';
export { epochAt, EpochKeys, epochStart, keyEncryptionKey, type EpochLength, type EpochRetention } from './epoch-keys';
export { CustodianLog, verifyCustodianLog, type CustodianEntry, type CustodianLogReport, type StoredCustodianEntry } from './custodian-log';
export { checkSeatGrant, SEAT_GRANT_DOMAIN, SEAT_GRANT_MAX_LIFE_MS, SeatGrantSchema, type SeatGrant, type SeatRefusal as SeatRefusalCode, type SignedSeatGrant } from './seat-grant';
export { exportGrants, openSeatCustody, SeatCustodian, SeatRefusal, seatOf, type SeatCustody, type SeatCustodyOptions, type SeatGrantRequest } from './seat-custodian';
