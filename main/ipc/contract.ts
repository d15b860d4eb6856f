import { z } from 'zod';
import {
  AppStatusSchema,
  NetworkStatusSchema,
  AuditEntriesResponse,
  AuditVerifyResponse,
  ChangePasswordRequest,
  ConversationRequest,
  CreateAdminRequest,
  ConfirmRoleGrantRequest,
  ConfirmFactorResetRequest,
  DeclineFactorResetRequest,
  FactorResetsResponse,
  DeclineRoleGrantRequest,
  CreateUserRequest,
  DecideRevealRequest,
  DecideRevealResponse,
  Done,
  Empty,
  ExportTranscriptRequest,
  ListAuditRequest,
  PendingRevealsResponse,
  QualityReviewResponse,
  QualityReviewsResponse,
  ReadRevealRequest,
  OwnRevealsResponse,
  ReadRevealResponse,
  RecoveryCodesResponse,
  RevealRequest,
  RevealResponse,
  ReviewTranscriptResponse,
  SecondFactorRequest,
  SessionViewSchema,
  SetDisabledRequest,
  SetRoleRequest,
  SetScoreRequest,
  SignedExportResponse,
  SignInRequest,
  SignInResponse,
  TotpConfirmRequest,
  TotpEnrolmentResponse,
  UserIdRequest,
  SetUserChannelsRequest,
  UserSchema,
  RoleGrantsResponse,
  UsersResponse,
} from './schemas';
import { consoleContract, consoleEvents } from './console-contract';
import { workflowContract, workflowEvents } from './workflow-contract';
import { heldContract, heldEvents } from './held-contract';
import { channel } from './channel';

export type { ChannelSpec } from './channel';

/**
 * The one IPC contract. Each channel is declared once: its request and response schemas and the permission
 * it needs. Main validates every call against it, the preload exposes exactly these names as `window.diwan`,
 * the renderer gets its types from it, and the loopback test bridge serves the same calls.
 *
 * Responses are parsed too: zod objects strip keys that are not declared, so a handler cannot leak a field
 * by accident.
 */

export const contract = {
  getStatus: channel({ request: Empty, response: AppStatusSchema, permission: 'public' }),
  /** Public so the lock screen can say why it is locked and notice the way back. */
  getNetworkStatus: channel({ request: Empty, response: NetworkStatusSchema, permission: 'public' }),

  // Accounts and sessions: what the lock screen needs before anyone is signed in is public.
  getSession: channel({ request: Empty, response: SessionViewSchema, permission: 'public' }),
  createAdmin: channel({ request: CreateAdminRequest, response: SessionViewSchema, permission: 'public' }),
  signIn: channel({ request: SignInRequest, response: SignInResponse, permission: 'public' }),
  signInSecondFactor: channel({ request: SecondFactorRequest, response: SignInResponse, permission: 'public' }),
  signOut: channel({ request: Empty, response: Done, permission: 'public' }),
  changePassword: channel({ request: ChangePasswordRequest, response: Done, permission: 'session' }),
  beginTotpEnrolment: channel({ request: Empty, response: TotpEnrolmentResponse, permission: 'session' }),
  confirmTotpEnrolment: channel({ request: TotpConfirmRequest, response: RecoveryCodesResponse, permission: 'session' }),

  // People (administrator).
  listUsers: channel({ request: Empty, response: UsersResponse, permission: 'users.manage' }),
  createUser: channel({ request: CreateUserRequest, response: UserSchema, permission: 'users.manage' }),
  setUserRole: channel({ request: SetRoleRequest, response: UserSchema, permission: 'users.manage' }),
  setUserDisabled: channel({ request: SetDisabledRequest, response: UserSchema, permission: 'users.manage' }),
  resetUserTwoFactor: channel({ request: UserIdRequest, response: UserSchema, permission: 'users.manage' }),
  /** Team mode: which channels a person works (at the hub; none listed means all). */
  setUserChannels: channel({ request: SetUserChannelsRequest, response: UserSchema, permission: 'users.manage' }),
  // Separation of duties: a lead, admin or auditor role one administrator asked for waits for a second one.
  listRoleGrants: channel({ request: Empty, response: RoleGrantsResponse, permission: 'users.manage' }),
  confirmRoleGrant: channel({ request: ConfirmRoleGrantRequest, response: UserSchema, permission: 'users.manage' }),
  declineRoleGrant: channel({ request: DeclineRoleGrantRequest, response: UserSchema, permission: 'users.manage' }),
  // The same rule for resetting someone's second factor at a team hub whose policy wants two administrators.
  listFactorResets: channel({ request: Empty, response: FactorResetsResponse, permission: 'users.manage' }),
  confirmFactorReset: channel({ request: ConfirmFactorResetRequest, response: UserSchema, permission: 'users.manage' }),
  declineFactorReset: channel({ request: DeclineFactorResetRequest, response: UserSchema, permission: 'users.manage' }),

  // Reveal grants: the original travels only in a granted reveal's answer, for that field, while it lasts.
  requestReveal: channel({ request: RevealRequest, response: RevealResponse, permission: 'reveal.request' }),
  readReveal: channel({ request: ReadRevealRequest, response: ReadRevealResponse, permission: 'reveal.request' }),
  listOwnReveals: channel({ request: Empty, response: OwnRevealsResponse, permission: 'reveal.request' }),
  listRevealApprovals: channel({ request: Empty, response: PendingRevealsResponse, permission: 'reveal.approve' }),
  decideReveal: channel({ request: DecideRevealRequest, response: DecideRevealResponse, permission: 'reveal.approve' }),

  // Team-lead review (masked only).
  getReviewTranscript: channel({ request: ConversationRequest, response: ReviewTranscriptResponse, permission: 'review.read' }),
  listQualityScores: channel({ request: ConversationRequest, response: QualityReviewsResponse, permission: 'review.read' }),
  setQualityScore: channel({ request: SetScoreRequest, response: QualityReviewResponse, permission: 'review.write' }),
  exportTranscript: channel({ request: ExportTranscriptRequest, response: SignedExportResponse, permission: 'export.transcripts' }),

  // The audit trail (auditor, administrator).
  listAudit: channel({ request: ListAuditRequest, response: AuditEntriesResponse, permission: 'audit.read' }),
  verifyAudit: channel({ request: Empty, response: AuditVerifyResponse, permission: 'audit.read' }),

  // The console: inbox, conversation, composer, search, lead and admin views (main/ipc/console-contract.ts).
  ...consoleContract,
  // The team workflow (presence, markers, the send-time hold, SLAs, mentions, the board): main/ipc/workflow-contract.ts.
  ...workflowContract,
  // What the hub's flood control held back, for leads and administrators: main/ipc/held-contract.ts.
  ...heldContract,
} as const;

/** Events main pushes to the renderer (never customer data the renderer was not granted). */
export const events = {
  /** The console locked itself (off-network, idle, OS lock): drop every customer datum held. */
  locked: z.object({ reason: z.string() }),
  /** Team mode: a request waiting for a second administrator was opened or closed at the hub; administrators' screens list them again. */
  adminRequestsChanged: z.object({}),
  ...consoleEvents,
  ...workflowEvents,
  ...heldEvents,
} as const;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type EventName = keyof typeof events;
export type RequestOf<K extends ChannelName> = z.input<Contract[K]['request']>;
export type ResponseOf<K extends ChannelName> = z.output<Contract[K]['response']>;
export type EventOf<K extends EventName> = z.output<(typeof events)[K]>;

export const IPC_PREFIX = 'diwan:';
export const EVENT_PREFIX = 'diwan-event:';
export const channelNames = Object.keys(contract) as ChannelName[];
export const eventNames = Object.keys(events) as EventName[];

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}
