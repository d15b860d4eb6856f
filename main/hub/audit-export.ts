import { exportAudit, type AuditExport } from '../core/audit';
import type { DeviceIdentity } from '../core/auth';
import type { HubStore } from './store';
import { auditFolderCommand, trailAfter } from './store/folder-backup';

/**
 * A hub's trail (a team hub on PostgreSQL, or a data folder's built-in hub) as the single-seat export writes it:
 * signed JSONL in the same format, checked by the same `diwan audit verify-export`. The export is recorded in the
 * hub's trail afterwards, as the single-seat export records itself. The entries after `sinceSeq` are read at once.
 */
export async function exportHubTrail(
  store: HubStore,
  signer: Pick<DeviceIdentity, 'fingerprint' | 'publicKeyPem' | 'sign'>,
  o: { sinceSeq: number; now: number; actor: string },
): Promise<AuditExport> {
  const entries = await trailAfter(store, o.sinceSeq);
  const result = exportAudit({ iterate: () => entries }, signer, { sinceSeq: o.sinceSeq, now: o.now });
  await auditFolderCommand(store, { actor: o.actor, device: signer.fingerprint }, 'audit.exported', { entries: result.entries, sinceSeq: o.sinceSeq, lastSeq: result.lastSeq });
  return result;
}
