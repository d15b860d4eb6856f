import { ReportRepository } from './reports';
import { DiwanError } from '../shared/errors';
import { noAudit, systemClock, type AuditPort, type Clock } from '../shared/ports';
import { openSeatCustody, type EpochLength, type SeatCustody } from '../custody';
import type { Vault } from '../vault';
import { CannedReplyRepository, LabelRepository, NoteRepository } from './annotations';
import { backupDatabase, type BackupSecret } from './backup';
import { ChannelRepository } from './channels';
import type { StoreContext } from './context';
import { ConversationRepository } from './conversations';
import type { Db } from './database';
import { InboundCheckRepository } from './inbound-checks';
import { Ingestor } from './ingest';
import { loadDataKeys } from './keys';
import { placeholderMasker, type Masker } from './masker';
import { Outbox } from './outbox';
import type { InboundScreen, TextPreparer } from './prepare';
import { runRetention, type RetentionOutcome } from './retention';
import { resealOriginals, resealPending, type ResealProgress } from './reseal';
import { rotateDataKey, type RotationProgress } from './rotation';
import { SearchRepository } from './search';
import { SubjectRequests } from './subjects';

export interface StoreOptions {
  db: Db;
  vault: Vault;
  /** The masking step of the ingest path; defaults to the placeholder until main/core/masking is wired in. */
  masker?: Masker;
  /** Who masks and encrypts ingest batches; inline by default. It must mask exactly as `masker` does. */
  preparer?: TextPreparer;
  /**
   * The inbound scam check, run once on each inbound message as it is stored, its outcome kept on the message's row
   * (issue #26). Null or absent: messages are checked when their conversation is first opened.
   */
  inboundScreen?: () => InboundScreen | null;
  clock?: Clock;
  /** Where erase and export are recorded (the audit trail). */
  audit?: AuditPort;
  appVersion: string;
  /**
   * The in-process custodian originals are sealed to: its key files and log live in `dir`, its two secrets in the
   * keychain. `approvalRequired` is the reveal rules' list of types that need a lead's approval (it checks it too).
   */
  custody: {
    dir: string;
    epoch?: EpochLength;
    retainEpochs?: number;
    approvalRequired?: () => readonly string[];
    rateLimit?: { perUser: number; windowMs: number };
    /** Re-seal originals still under the data key at open (default true); the upgrade test drives it itself. */
    resealAtOpen?: boolean;
  };
}

/**
 * The local store: one SQLite database whose customer text is masked in clear and encrypted in full, with the data
 * key in the OS keychain. `sink` and `outbox` are the seams connectors use; the rest is the console's read side.
 */
export interface Store {
  readonly dbId: string;
  /** The in-process custodian and the signer of its grants (single-seat custody). */
  readonly custody: SeatCustody;
  readonly sink: Ingestor;
  readonly outbox: Outbox;
  readonly channels: ChannelRepository;
  readonly conversations: ConversationRepository;
  readonly search: SearchRepository;
  readonly notes: NoteRepository;
  readonly labels: LabelRepository;
  readonly canned: CannedReplyRepository;
  readonly subjects: SubjectRequests;
  readonly inboundChecks: InboundCheckRepository;
  readonly reports: ReportRepository;
  runRetention(now?: number): RetentionOutcome[];
  rotateKey(opts?: { batchSize?: number; onProgress?: (p: RotationProgress) => void }): Promise<{ version: number; resumed: boolean; reencrypted: number }>;
  backup(out: string, secret?: { passphrase: string }): Promise<{ file: string; bytes: number }>;
  /** Seals originals still under the data key to the custodian (the upgrade of an older database; resumable). */
  reseal(opts?: { batchSize?: number; onProgress?: (p: ResealProgress) => void }): { sealed: number };
  /** Encrypts other parts' records (e.g. quarantined messages) under the data key, bound to `purpose`. */
  sealer(purpose: string): { seal(plain: string): Buffer; open(sealed: Buffer): string };
}

export async function openStore(opts: StoreOptions): Promise<Store> {
  const { dbId, cipher } = await loadDataKeys(opts.db, opts.vault);
  const clock = opts.clock ?? systemClock;
  const custody = await openSeatCustody({
    vault: opts.vault,
    dbId,
    dir: opts.custody.dir,
    now: () => clock.now(),
    epoch: opts.custody.epoch,
    retainEpochs: opts.custody.retainEpochs,
    approvalRequired: opts.custody.approvalRequired,
    rateLimit: opts.custody.rateLimit,
  });
  const ctx: StoreContext = {
    db: opts.db,
    cipher,
    custody,
    masker: opts.masker ?? placeholderMasker,
    clock,
    audit: opts.audit ?? noAudit,
  };
  try {
    if (opts.custody.resealAtOpen !== false && resealPending(ctx)) resealOriginals(ctx);
  } catch (e) {
    custody.close();
    throw e;
  }
  return {
    dbId,
    custody,
    reseal: (o) => resealOriginals(ctx, o),
    sink: new Ingestor(ctx, opts.preparer, opts.inboundScreen),
    outbox: new Outbox(ctx),
    channels: new ChannelRepository(ctx),
    conversations: new ConversationRepository(ctx),
    search: new SearchRepository(ctx),
    notes: new NoteRepository(ctx),
    labels: new LabelRepository(ctx),
    canned: new CannedReplyRepository(ctx),
    subjects: new SubjectRequests(ctx),
    inboundChecks: new InboundCheckRepository(ctx),
    reports: new ReportRepository(ctx),
    runRetention: (now) => {
      // Retention destroys the custodian's old epochs too: their originals become unreadable in every copy.
      custody.custodian.applyRetention();
      return runRetention(ctx, now);
    },
    sealer: (purpose) => ({ seal: (plain) => cipher.encrypt(purpose, plain), open: (sealed) => cipher.decrypt(purpose, sealed) }),
    rotateKey: (o) => rotateDataKey(ctx, opts.vault, dbId, o),
    async backup(out, secret) {
      const ring = await opts.vault.dataKeys(dbId);
      if (!ring) throw new DiwanError('datakey_missing', `The data key datakey:${dbId} has left the OS keychain; no backup was written.`);
      const s: BackupSecret = secret ?? { vault: opts.vault };
      return backupDatabase({ db: opts.db, dbId, ring, out, secret: s, appVersion: opts.appVersion, now: ctx.clock.now() });
    },
  };
}
