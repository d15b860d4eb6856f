import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../store';
import {
  NetworkGate,
  systemDnsSuffixes,
  systemNetworkSignals,
  systemInterfaces,
  type DnsSuffixPort,
  type InterfacesPort,
  type LookupFunction,
  type NetworkSignalsPort,
  type PinnedFetch,
} from '../network';
import { loadPolicy, machineLocations, settingsVersionStore, type Policy, type PolicyVersionStore } from '../policy';
import type { AuditPort, Clock, Random } from '../shared/ports';
import type { ConsoleLock } from './lock';
import { AUDIT_ACTIONS } from '../shared/audit-actions';

/** Where the gate finds its policy and signers, and the ports it uses. Everything defaults to the real machine. */
export interface NetworkOptions {
  /** Default: the machine-wide location (/etc/diwan/policy.json, %ProgramData%\Diwan\policy.json, …). */
  policyFile?: string;
  /**
   * The policy delivered by IT's managed configuration (main/core/config); takes the place of `policyFile`. A
   * function is asked on every check, so a shell that re-reads the managed configuration hands the gate IT's newest.
   */
  managedPolicy?: ManagedPolicy | (() => ManagedPolicy | undefined);
  /** Default: the machine-wide signer folder next to it. */
  signersDir?: string;
  /** Default: config/policy-signers.json, built in. */
  buildSigners?: ReadonlyArray<{ name: string; publicKey: string }>;
  /** POSIX uids accepted as owning the signer folder. Default: root only. */
  trustedOwners?: readonly number[];
  versions?: PolicyVersionStore;
  interfaces?: InterfacesPort;
  signals?: NetworkSignalsPort;
  dnsSuffixes?: DnsSuffixPort;
  random?: Random;
  fetch?: PinnedFetch;
  lookup?: LookupFunction;
  debounceMs?: number;
  watchIntervalMs?: number;
  /** Told of every accepted policy, so the parts it configures beyond the network (identity, masking) follow it. */
  onPolicy?: (policy: Policy) => void;
}

export interface ManagedPolicy {
  bytes: Buffer;
  source: string;
}

export function createGate(db: Db, clock: Clock, audit: AuditPort, opts: NetworkOptions = {}): NetworkGate {
  const machine = machineLocations(process.platform);
  const versions = opts.versions ?? settingsVersionStore(db);
  const policyFile = opts.policyFile ?? machine.policyFile;
  const signersDir = opts.signersDir ?? machine.signersDir;
  const managed = () => (typeof opts.managedPolicy === 'function' ? opts.managedPolicy() : opts.managedPolicy);
  return new NetworkGate({
    policyStamp: () => policyStamp(policyFile, signersDir, managed()),
    loadPolicy: () => {
      const result = loadPolicy({
        policyFile,
        managedPolicy: managed(),
        signersDir,
        buildSigners: opts.buildSigners,
        trustedOwners: opts.trustedOwners,
        versions,
        clock,
      });
      if (result.kind === 'accepted') {
        if (result.previousVersion !== result.policy.version) {
          audit({
            action: AUDIT_ACTIONS.policyChanged,
            actor: 'system',
            target: `policy:${result.policy.version}`,
            details: { previousVersion: result.previousVersion, signer: result.signer, source: result.file },
          });
        }
        opts.onPolicy?.(result.policy);
      }
      return result;
    },
    interfaces: opts.interfaces ?? systemInterfaces,
    signals: opts.signals ?? systemNetworkSignals(),
    dnsSuffixes: opts.dnsSuffixes ?? systemDnsSuffixes(),
    clock,
    random: opts.random,
    fetch: opts.fetch,
    lookup: opts.lookup,
    audit,
    debounceMs: opts.debounceMs,
    watchIntervalMs: opts.watchIntervalMs,
  });
}

/** Size, modification time and inode of the policy file, the signer folder and each signer file; a hash of managed bytes. */
function policyStamp(policyFile: string, signersDir: string, managed: ManagedPolicy | undefined): string {
  const stat = (p: string) => {
    try {
      const st = fs.statSync(p);
      return `${st.size}:${st.mtimeMs}:${st.ino}:${st.mode}:${st.uid}`;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code ?? 'error';
    }
  };
  let signerFiles: string[] = [];
  try {
    signerFiles = fs.readdirSync(signersDir).sort();
  } catch {
    // absent or unreadable: the stat of the folder says which
  }
  const parts = [stat(policyFile), stat(signersDir), ...signerFiles.map((f) => `${f}=${stat(path.join(signersDir, f))}`)];
  if (managed) parts.push(crypto.createHash('sha256').update(managed.bytes).digest('base64'));
  return parts.join('|');
}

/** The console stays locked while the gate is not open: off-network, or not yet checked with a policy in force. */
export function bindLockToGate(gate: NetworkGate, lock: ConsoleLock): void {
  const sync = () => (gate.isOpen() ? lock.release('off-network') : lock.engage('off-network'));
  sync();
  gate.onVerdict(sync);
}
