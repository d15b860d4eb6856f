import fs from 'node:fs';

/**
 * The suite-wide leak scan's registry (scripts/leak-scan.mjs): tests register the sensitive values and channel
 * secrets they use, and after the whole suite every file the tests left under the run's temp root is searched for
 * them. Set by scripts/test.sh for a full run; outside it, registering does nothing.
 */
export function registerSensitive(kind: 'value' | 'secret', ...values: string[]): void {
  const file = process.env.DIWAN_LEAK_REGISTRY;
  if (!file) return;
  const lines = values.filter((v) => typeof v === 'string' && v.length >= 8).map((value) => JSON.stringify({ kind, value }));
  if (lines.length) fs.appendFileSync(file, `${lines.join('\n')}\n`);
}

/** Every string in a channel's secrets (tokens, refresh tokens, app secrets). */
export function registerSecrets(secrets: Record<string, unknown>): void {
  // A mailbox's user name is its public address, shown in settings and in every mail; an OAuth2 client id and token
  // endpoint are public settings too (IT types them in the clear): only the secrets themselves count.
  registerSensitive('secret', ...Object.entries(secrets).filter(([k, v]) => typeof v === 'string' && !/^(username|user|address|clientId|tokenUrl)$/i.test(k)).map(([, v]) => v as string));
}
