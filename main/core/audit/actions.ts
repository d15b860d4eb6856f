// The audit trail's vocabulary lives in core/shared so that the port every module records through (shared/ports.ts)
// can type its `action` without importing audit/.
export { AUDIT_ACTIONS, type AuditAction } from '../shared/audit-actions';
