export { AuditTrail, type AuditEntry, type AuditTrailOptions } from './trail';
export type { VerifyReport, VerifyProblem, ProblemKind } from './verify';
export { exportAudit, verifyAuditExport, type AuditExport, type ExportCheck } from './export';
export { AUDIT_ACTIONS, type AuditAction } from './actions';
export { GENESIS_HASH, type AuditHead, type StoredEntry } from './chain';
export { ACK_FORMAT, signAuditAcknowledgement, verifyAuditAcknowledgement, type AuditAckBody } from './acknowledgement';
