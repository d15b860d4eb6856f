import crypto from 'node:crypto';
import type tls from 'node:tls';

/**
 * TLS session tickets every node of a hub accepts: a console whose node dies resumes its TLS session at the node the
 * load balancer picks next (an abbreviated handshake) instead of a full one. The ticket keys are derived from the
 * hub's TLS private key, which every node already holds and which already lets its holder be the hub, so no new
 * secret exists and nothing about who can impersonate the hub changes. They change every period; a ticket from an
 * earlier period just means a full handshake. A resumed handshake shows no certificate; the console accepts it
 * because only a holder of these keys can complete one (`pinnedAgent`), and a server without them must make a full
 * handshake and show the pinned key.
 */
export const TICKET_PERIOD_MS = 12 * 3_600_000;

/** The 48 bytes of ticket keys (name, HMAC key, AES key) for the period `at` falls in. */
export function ticketKeysFor(tlsKeyPem: string, at: number): Buffer {
  const period = Math.floor(at / TICKET_PERIOD_MS);
  // From the key itself, not its PEM text: nodes whose copies differ in line endings or encoding still agree.
  const der = crypto.createPrivateKey(tlsKeyPem).export({ format: 'der', type: 'pkcs8' });
  return Buffer.from(crypto.hkdfSync('sha256', der, 'diwan hub', `tls session tickets ${period}`, 48));
}

/**
 * Server options for shared tickets: keys of the current period, tickets valid for one period at most, and one
 * session context for every node. OpenSSL refuses a session from another context, and Node's default context is a
 * hash of the process's command line: nodes started with different arguments (`--config node-2.json`) never
 * resumed each other's sessions.
 */
export function ticketOptions(tlsKeyPem: string, at: number): Pick<tls.TlsOptions, 'ticketKeys' | 'sessionTimeout' | 'sessionIdContext'> {
  const der = crypto.createPrivateKey(tlsKeyPem).export({ format: 'der', type: 'pkcs8' });
  // 32 characters: OpenSSL's limit for a session context.
  const sessionIdContext = Buffer.from(crypto.hkdfSync('sha256', der, 'diwan hub', 'tls session context', 16)).toString('hex');
  return { ticketKeys: ticketKeysFor(tlsKeyPem, at), sessionTimeout: TICKET_PERIOD_MS / 1000, sessionIdContext };
}

/** Moves a server to the next period's keys at each period's start; returns the stop. */
export function rotateTicketKeys(server: tls.Server, tlsKeyPem: string, now: () => number): () => void {
  let timer: NodeJS.Timeout;
  const schedule = () => {
    const wait = TICKET_PERIOD_MS - (now() % TICKET_PERIOD_MS) + 1_000;
    timer = setTimeout(() => {
      server.setTicketKeys(ticketKeysFor(tlsKeyPem, now()));
      schedule();
    }, wait);
    timer.unref();
  };
  schedule();
  return () => clearTimeout(timer);
}
