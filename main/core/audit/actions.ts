/**
 * The audit trail's vocabulary. Every module records through the core's `AuditPort` with one of these actions, so
 * the SIEM sees stable names. `details` never hold a secret or an unmasked value.
 */
export const AUDIT_ACTIONS = {
  // accounts and sessions (main/core/auth)
  adminCreated: 'auth.admin_created',
  signIn: 'auth.sign_in',
  signInFailed: 'auth.sign_in_failed',
  signOut: 'auth.sign_out',
  sessionEnded: 'auth.session_ended',
  passwordChanged: 'auth.password_changed',
  totpEnrolled: 'auth.totp_enrolled',
  totpReset: 'auth.totp_reset',
  userCreated: 'users.created',
  userRoleChanged: 'users.role_changed',
  userRoleRequested: 'users.role_requested',
  userDisabled: 'users.disabled',
  userEnabled: 'users.enabled',
  // reveal grants (main/core/auth)
  revealGranted: 'reveal.granted',
  revealRequested: 'reveal.requested',
  revealApproved: 'reveal.approved',
  revealDenied: 'reveal.denied',
  revealRefused: 'reveal.refused',
  // customer data (the inbox, the review, the connectors' outbox)
  conversationOpened: 'conversation.opened',
  attachmentOpened: 'attachment.opened',
  attachmentSaved: 'attachment.saved',
  attachmentRefused: 'attachment.refused',
  search: 'search',
  messageSent: 'message.sent',
  transcriptExported: 'export.transcript',
  qualityScored: 'review.scored',
  // the team's label list (the hub records the same names)
  labelCreated: 'label.created',
  labelRenamed: 'label.renamed',
  labelDeleted: 'label.deleted',
  // data lifecycle, settings, policy and network
  retentionRun: 'retention.run',
  erasureRun: 'erasure.run',
  settingsChanged: 'settings.changed',
  policyChanged: 'policy.changed',
  networkVerdictChanged: 'network.verdict_changed',
  // the trail itself
  auditExported: 'audit.exported',
  auditVerified: 'audit.verified',
  auditAcknowledged: 'audit.acknowledged',
  // the command line's privileged commands (db export|backup|restore|erase|rotate-key, audit acknowledge)
  cliAdminCommand: 'cli.admin_command',
  cliRefused: 'cli.refused',
} as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[keyof typeof AUDIT_ACTIONS];
