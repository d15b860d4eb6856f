import { createPinnedServerCertificate } from '../core/network';

/**
 * The relay's certificate for the office-side listener: self-signed on purpose, because consoles trust it by pin
 * (SHA-256 of its public key), not by a CA or its dates. IT may use a certificate from its own CA instead.
 */
export function createRelayCertificate(names: readonly string[], now = new Date()): Promise<{ certPem: string; keyPem: string; pin: string }> {
  return createPinnedServerCertificate('Diwan relay', names, now);
}
