/**
 * Guards applied to every outbound reply and every inbound message: the outbound secret-request guard with
 * four-eyes approval, inbound scam and phishing flags, flood control before storage, security early warning and
 * phishing drills. Pure and deterministic where it can be: time, randomness, masking, encryption and
 * notification come in as ports.
 */
export { APPROVABLE_REQUESTS, DEFAULT_GUARD_POLICY, resolveGuardPolicy, type ApprovableRequest, type GuardPolicy, type GuardPolicyInput } from './policy';
export { maskSpans, type DetectSensitive, type SensitiveSpan, type Sealer, type Notifier, type GuardNotice } from './ports';
export { detectLang, type GuardLang } from './text/lang';
export { extractLinks, type Link } from './text/links';

export { OutboundGuard, evaluateReply, judgeReply, assertMayDecideReply, assertApprovable, hashReply, type GuardDecision, type GuardFinding, type ReplyContext, type Verdict, type ApproverRole } from './outbound/guard';
export { findSecretRequests, type SecretRequest, type RequestedSecret } from './outbound/classify';

export { inspectInbound, inspectInboundIn, type Detected, type InboundInspection, type InboundFlag, type InboundFlagCode } from './phishing/inbound';
export { inspectLinkDomain, SHORTENERS, type DomainFlag } from './phishing/domains';
export { skeleton, editDistance } from './phishing/confusables';

export { FloodGate, type Admission, type FloodGateDeps } from './flood/gate';
export { HELD_LIST_LIMIT, heldNoLongerWaiting, Quarantine, type HeldMessage, type QuarantineGroup, type QuarantineRow, type QuarantineReason, type ReleaseFilter } from './flood/quarantine';
export { SurgeDetector, type SurgeChange, type SurgeSettings, type SurgeState } from './flood/surge';
export { TokenBuckets } from './flood/token-bucket';
export { campaignPrint, COLLAPSE_AT, collapseReached, DuplicateDetector, MAX_SENDERS_TRACKED, sameCampaign } from './flood/duplicates';
export type { Fingerprint } from './flood/simhash';

export { EarlyWarning, type StoredAlert } from './early-warning/alerts';
export { EarlyWarningDetector, maskedExcerpt, type SecurityAlert } from './early-warning/detector';
export { securitySignals, SECURITY_SIGNALS, type SecuritySignal } from './early-warning/signals';
export { formatSyslog, sendSyslog, postWebhook, type SyslogTarget, type DeliveryOutcome } from './early-warning/delivery';

export {
  Drills,
  DRILL_KINDS,
  DRILL_MINUTES,
  DRILL_OUTCOME_ACTIONS,
  checkDrillSchedule,
  drillReplyOutcome,
  drillText,
  newDrillId,
  newDrillMessageId,
  type DrillKind,
  type DrillOutcome,
  type DrillSource,
  type DrillReport,
} from './drills/drills';
