export { AuditTrail, type AuditEntry, type AuditTrailOptions } from './trail';
export { verifyChain, type VerifyReport, type VerifyProblem, type ProblemKind } from './verify';
export { exportAudit, verifyAuditExport, AUDIT_EXPORT_FORMAT, type AuditExport, type ExportCheck } from './export';
export { AUDIT_ACTIONS, type AuditAction } from './actions';
export { GENESIS_HASH, type AuditHead, type StoredEntry } from './chain';
