import { z } from 'zod';
import { PERMISSIONS } from '../core/auth/permissions';
import { ROLES } from '../core/shared/vocabulary';
import { Id as RowId, Segment, TextDirection } from './console-contract';

/** Shared building blocks for the contract's schemas. Strings are bounded so an oversized call is a bad request. */
export const Empty = z.object({}).strict();

export const KeychainStatusSchema = z.object({
  available: z.boolean(),
  problem: z.enum(['no_session_bus', 'no_secret_service', 'locked', 'refused', 'not_installed']).optional(),
  advice: z.string().optional(),
});

export const AppStatusSchema = z.object({
  appVersion: z.string(),
  dataDir: z.string(),
  databaseFile: z.string(),
  schemaVersion: z.number().int(),
  keychain: KeychainStatusSchema,
});

/** The office-network gate's verdict as the renderer may see it: states, codes and reasons, never a key or a challenge. */
export const NetworkStatusSchema = z.object({
  state: z.enum(['office', 'off-network', 'unmanaged', 'checking']),
  siteId: z.string().max(63).optional(),
  policyVersion: z.number().int().optional(),
  reason: z.string().max(2000),
  checkedAt: z.number().int().nullable(),
  locked: z.boolean(),
  lockReason: z.string().max(64).nullable(),
  checks: z
    .array(z.object({ name: z.string().max(100), ok: z.boolean(), code: z.string().max(64), reason: z.string().max(2000) }))
    .max(256),
});

// Identity, reveal, review and audit. Ids are opaque strings, except a conversation's (the store's row id, as in the
// console's channels); free text is bounded.
const Id = z.string().min(1).max(128);
const Username = z.string().min(1).max(64);
const Password = z.string().min(1).max(256);
const RoleSchema = z.enum(ROLES);
const PermissionSchema = z.enum(PERMISSIONS);

export const SessionViewSchema = z.object({
  needsAdmin: z.boolean(),
  signedIn: z.boolean(),
  pendingSecondFactor: z.boolean(),
  user: z.object({ id: z.string(), username: z.string(), displayName: z.string(), role: RoleSchema }).nullable(),
  permissions: z.array(PermissionSchema),
  twoFactor: z.object({ enabled: z.boolean(), required: z.boolean(), mustEnrol: z.boolean() }),
  device: z.object({ fingerprint: z.string().nullable(), enrolled: z.boolean() }),
  /** Set while the IT policy names a team hub: its address. */
  team: z.object({ hub: z.string() }).nullable(),
});

export const CreateAdminRequest = z.object({ username: Username, displayName: z.string().max(100).default(''), password: Password }).strict();
export const SignInRequest = z.object({ username: Username, password: Password }).strict();
export const SignInResponse = z.object({ status: z.enum(['signed_in', 'second_factor']) });
export const SecondFactorRequest = z
  .object({ code: z.string().max(12).optional(), recoveryCode: z.string().max(40).optional() })
  .strict()
  .refine((r) => !!r.code !== !!r.recoveryCode, { message: 'Send either a code or a recovery code.' });
export const ChangePasswordRequest = z.object({ current: Password, next: Password }).strict();
export const TotpEnrolmentResponse = z.object({ otpauthUri: z.string(), qrDataUrl: z.string() });
export const TotpConfirmRequest = z.object({ code: z.string().min(1).max(12) }).strict();
export const RecoveryCodesResponse = z.object({ recoveryCodes: z.array(z.string()) });
export const Done = z.object({ done: z.literal(true) });

export const UserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  totpEnabled: z.boolean(),
  disabled: z.boolean(),
  createdAt: z.number(),
  /** A privileged role asked for and waiting for a second administrator's confirmation. */
  pendingRole: RoleSchema.optional(),
  /** Team mode: a reset of this person's second factor was asked for and waits for a second administrator. */
  pendingFactorReset: z.boolean().optional(),
  /** Team mode: the channels this person works (none listed: all of them). */
  channels: z.array(z.string().max(100)).max(200).optional(),
});
export const RoleGrantsResponse = z.object({
  requests: z.array(
    z.object({
      grantId: z.string(),
      userId: z.string(),
      username: z.string(),
      role: RoleSchema,
      from: RoleSchema,
      requestedBy: z.string(),
      /** So a console can say "you asked" and offer withdrawing instead of confirming. */
      requestedById: z.string(),
      requestedAt: z.number(),
      expiresAt: z.number(),
    }),
  ),
});
export const ConfirmRoleGrantRequest = z.object({ grantId: Id }).strict();
/** The sentence is kept in the audit trail (masked) and read by the administrator who asked. */
export const DeclineRoleGrantRequest = z.object({ grantId: Id, reason: z.string().min(1).max(500) }).strict();
/** Second-factor resets waiting for a second administrator (team mode, when the hub's policy wants two). */
export const FactorResetsResponse = z.object({
  requests: z.array(
    z.object({
      requestId: z.string(),
      userId: z.string(),
      username: z.string(),
      requestedBy: z.string(),
      requestedById: z.string(),
      requestedAt: z.number(),
      expiresAt: z.number(),
    }),
  ),
});
export const ConfirmFactorResetRequest = z.object({ requestId: Id }).strict();
/** The sentence is kept in the hub's audit trail (masked) and read by the administrator who asked. */
export const DeclineFactorResetRequest = z.object({ requestId: Id, reason: z.string().min(1).max(500) }).strict();
export const UsersResponse = z.object({ users: z.array(UserSchema) });
export const CreateUserRequest = z.object({ username: Username, displayName: z.string().max(100).default(''), role: RoleSchema, password: Password }).strict();
export const SetRoleRequest = z.object({ userId: Id, role: RoleSchema }).strict();
export const SetDisabledRequest = z.object({ userId: Id, disabled: z.boolean() }).strict();
export const UserIdRequest = z.object({ userId: Id }).strict();
export const SetUserChannelsRequest = z.object({ userId: Id, channels: z.array(z.string().min(1).max(100)).max(200) }).strict();

export const RevealRequest = z.object({ messageId: RowId, fieldIndex: z.number().int().min(0).max(10_000), reason: z.string().min(1).max(500) }).strict();
export const RevealResponse = z.discriminatedUnion('status', [
  z.object({ status: z.literal('granted'), grantId: z.string(), fieldType: z.string(), expiresAt: z.number(), value: z.string() }),
  z.object({ status: z.literal('pending'), requestId: z.string(), fieldType: z.string() }),
]);
export const ReadRevealRequest = z.object({ grantId: Id }).strict();
/** The caller's own reveal requests a lead decides (waiting, or decided and not over): what the console shows again after a sign-in. Never a value. */
export const OwnRevealsResponse = z.object({
  reveals: z
    .array(z.object({ requestId: z.string(), messageId: RowId, fieldIndex: z.number().int().min(0), fieldType: z.string(), state: z.enum(['pending', 'granted', 'denied']) }))
    .max(100),
});
export const ReadRevealResponse = z.object({ value: z.string(), fieldType: z.string(), expiresAt: z.number() });
export const PendingRevealsResponse = z.object({
  requests: z.array(
    z.object({
      requestId: z.string(),
      requestedBy: z.string(),
      /** Null when the hub no longer holds the message (the request can still be declined). */
      conversationId: RowId.nullable(),
      messageId: RowId,
      fieldIndex: z.number(),
      fieldType: z.string(),
      reason: z.string(),
      requestedAt: z.number(),
    }),
  ),
});
export const DecideRevealRequest = z.object({ requestId: Id, approve: z.boolean() }).strict();
export const DecideRevealResponse = z.object({ status: z.enum(['granted', 'denied']), expiresAt: z.number().nullable() });

export const ConversationRequest = z.object({ conversationId: RowId }).strict();
const QualityReviewSchema = z.object({ conversationId: RowId, reviewer: z.string(), score: z.number(), comment: z.string(), updatedAt: z.number() });
export const ReviewTranscriptResponse = z.object({
  conversationId: RowId,
  channel: z.string(),
  contact: z.string(),
  /** The contact and each message's text also as segments (the console draws chips from them; it parses nothing). */
  contactSegments: z.array(Segment).max(2000),
  messages: z.array(
    z.object({
      id: RowId,
      direction: z.enum(['in', 'out']),
      sentAt: z.number(),
      author: z.string().nullable(),
      text: z.string(),
      segments: z.array(Segment).max(2000),
      textDirection: TextDirection,
    }),
  ),
  reviews: z.array(QualityReviewSchema),
});
export const SetScoreRequest = z.object({ conversationId: RowId, score: z.number().int().min(1).max(5), comment: z.string().max(2000).default('') }).strict();
export const QualityReviewResponse = QualityReviewSchema;
export const QualityReviewsResponse = z.object({ reviews: z.array(QualityReviewSchema) });
export const ExportTranscriptRequest = z.object({ conversationId: RowId, format: z.enum(['html', 'json']) }).strict();
export const SignedExportResponse = z.object({
  fileName: z.string(),
  mediaType: z.enum(['text/html', 'application/json']),
  content: z.string(),
  signature: z.object({ alg: z.literal('Ed25519'), device: z.string(), publicKey: z.string(), signature: z.string() }),
});

export const ListAuditRequest = z
  .object({ afterSeq: z.number().int().min(0).optional(), limit: z.number().int().min(1).max(1000).default(100), newestFirst: z.boolean().default(false) })
  .strict();
const DetailValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const AuditEntriesResponse = z.object({
  entries: z.array(
    z.object({
      seq: z.number(),
      at: z.number(),
      actor: z.string(),
      device: z.string(),
      action: z.string(),
      target: z.string().nullable(),
      details: z.record(z.string(), DetailValue),
      prevHash: z.string(),
      hash: z.string(),
    }),
  ),
});
export const AuditVerifyResponse = z.object({
  ok: z.boolean(),
  entries: z.number(),
  lastSeq: z.number(),
  headChecked: z.boolean(),
  problems: z.array(z.object({ kind: z.string(), seq: z.number().nullable(), message: z.string() })),
});
