import { createPinnedServerCertificate } from '../core/network';

/**
 * The hub's certificate: self-signed on purpose, because consoles trust it by pin (SHA-256 of its public key), not by
 * a CA or its dates. IT may use a certificate from its own CA instead.
 */
export function createHubCertificate(names: readonly string[], now = new Date()): Promise<{ certPem: string; keyPem: string; pin: string }> {
  return createPinnedServerCertificate('Diwan hub', names, now);
}
