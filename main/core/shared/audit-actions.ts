/**
 * The audit trail's vocabulary. Every module of the console records through the core's `AuditPort`, whose `action` is
 * typed as one of these, so the SIEM sees stable names and a new action is added here or not at all. `details` never
 * hold a secret or an unmasked value. (The hub records into its own PostgreSQL trail with names of its own.)
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
  userRoleDeclined: 'users.role_declined',
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
  // handover protocol (Messenger, Instagram): take, pass or request control of a thread; done or refused
  threadControl: 'conversation.thread_control',
  search: 'search',
  messageSent: 'message.sent',
  transcriptExported: 'export.transcript',
  qualityScored: 'review.scored',
  // the team's label list (the hub records the same names)
  labelCreated: 'label.created',
  labelRenamed: 'label.renamed',
  labelDeleted: 'label.deleted',
  // the connectors: a customer edited or deleted a message, a conversation moved, a channel alert or a refused token
  messageEdited: 'message.edited',
  messageDeleted: 'message.deleted',
  conversationMoved: 'conversation.moved',
  channelAlert: 'channel.alert',
  channelTokenRejected: 'channel.token_rejected',
  // an administrator's Test of a channel's credentials, and a channel removed (its conversations kept)
  channelTested: 'channel.tested',
  channelRemoved: 'channel.removed',
  // the guards (main/core/guard): outbound replies and their four-eyes approval, floods, early warning, drills, scams
  replyBlocked: 'guard.reply.blocked',
  replyApprovalRequested: 'guard.reply.approval_requested',
  replyApproved: 'guard.reply.approved',
  replyApprovalDeclined: 'guard.reply.approval_declined',
  replySentWithApproval: 'guard.reply.sent_with_approval',
  surgeEntered: 'guard.surge.entered',
  surgeLeft: 'guard.surge.left',
  quarantineReleased: 'guard.quarantine.released',
  quarantineDiscarded: 'guard.quarantine.discarded',
  alertRaised: 'guard.alert.raised',
  alertAcknowledged: 'guard.alert.acknowledged',
  alertDeliveryFailed: 'guard.alert.delivery_failed',
  drillScheduled: 'guard.drill.scheduled',
  drillFlagged: 'guard.drill.flagged',
  drillUnsafeReply: 'guard.drill.unsafe_reply',
  drillSafeReply: 'guard.drill.safe_reply',
  scamReported: 'guard.scam_reported',
  // data lifecycle: retention, data-subject requests, the database's health
  retentionRun: 'retention.run',
  retentionPolicySet: 'retention.policy',
  customerErased: 'customer.erase',
  customerExported: 'customer.export',
  storeIntegrityFailed: 'store.integrity_failed',
  // settings, IT's signed policy and the office network
  settingsChanged: 'settings.changed',
  policyChanged: 'policy.changed',
  networkVerdict: 'network.verdict',
  // signed updates (main/electron/updater.ts)
  updateAvailable: 'update.available',
  updateVerified: 'update.verified',
  updateRefused: 'update.refused',
  updateInstall: 'update.install',
  updateError: 'update.error',
  // the trail itself
  auditExported: 'audit.exported',
  auditVerified: 'audit.verified',
  auditAcknowledged: 'audit.acknowledged',
  // the command line's privileged commands (db export|backup|restore|erase|rotate-key, audit acknowledge)
  cliAdminCommand: 'cli.admin_command',
  cliRefused: 'cli.refused',
  // a single-seat folder's data copied into the console's own embedded hub on its first start in hub mode
  movedToEmbeddedHub: 'store.moved_to_embedded_hub',
} as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[keyof typeof AUDIT_ACTIONS];
