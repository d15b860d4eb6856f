import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { freePort } from './ports';

async function untilListening(port: number, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => {
        s.destroy();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > end) throw new Error(`nothing listens on 127.0.0.1:${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface DovecotOptions {
  /** Announce IDLE (default true); false makes a server the connector must poll. */
  idle?: boolean;
  users?: Record<string, string>;
  /** The server is killed after this long whatever happens (default 15 min; the benchmark asks for more). */
  lifetimeSec?: number;
  /** Also accept XOAUTH2 / OAUTHBEARER tokens, checked by RFC 7662 introspection at this URL (a loopback test server). */
  oauth2IntrospectionUrl?: string;
}

/**
 * (No vitest import here: the e-mail benchmark starts these servers too.)
 *
 * A real Dovecot IMAP server (Debian's dovecot-imapd) run by the test as its own process: configuration, passwd
 * file, maildirs and sockets in a temp dir, plain-text login on a free 127.0.0.1 port. When the test runs as root,
 * Dovecot's own unprivileged users (created by the package) run it; otherwise the current user does.
 */
/**
 * The team's support mailbox on this Dovecot as a hub channel (`HubStore.saveChannel`): plain IMAP, and SMTP on
 * `smtpPort` (a port where nothing listens when the test sends no mail).
 */
export function hubMailboxChannel(imap: Dovecot, smtpPort: number) {
  return {
    id: 'mail',
    kind: 'email',
    name: 'Support mailbox',
    enabled: true,
    config: { settings: { address: 'support@acme.test', imapHost: '127.0.0.1', imapPort: imap.port, imapSecurity: 'plain', smtpHost: '127.0.0.1', smtpPort, smtpSecurity: 'plain' } },
  };
}

export class Dovecot {
  private proc: ChildProcess | null = null;

  private constructor(
    readonly dir: string,
    readonly port: number,
    readonly users: Record<string, string>,
    private readonly lifetimeSec: number,
  ) {}

  static async start(opts: DovecotOptions = {}): Promise<Dovecot> {
    const root = process.getuid?.() === 0;
    // Run as root, Dovecot's own users must reach the maildirs: the test run's private TMPDIR (0700) is not
    // traversable for them, so the server's directory goes straight under /tmp.
    const dir = fs.mkdtempSync(path.join(root ? '/tmp' : os.tmpdir(), 'diwan-dovecot-'));
    const users = opts.users ?? { 'support@acme.test': 'imap-pass-0s9d8f7' };
    const port = await freePort();
    const me = os.userInfo();
    const uid = root ? Number(idOf('-u', 'dovecot')) : me.uid;
    const gid = root ? Number(idOf('-g', 'dovecot')) : me.gid;
    for (const d of ['run', 'state', 'home']) fs.mkdirSync(path.join(dir, d));
    fs.writeFileSync(path.join(dir, 'passwd'), Object.entries(users).map(([u, p]) => `${u}:{PLAIN}${p}\n`).join(''));
    fs.writeFileSync(
      path.join(dir, 'dovecot.conf'),
      [
        `base_dir = ${dir}/run`,
        `state_dir = ${dir}/state`,
        `log_path = ${dir}/dovecot.log`,
        'protocols = imap',
        'listen = 127.0.0.1',
        'ssl = no',
        'disable_plaintext_auth = no',
        `auth_mechanisms = plain login${opts.oauth2IntrospectionUrl ? ' xoauth2 oauthbearer' : ''}`,
        `default_internal_user = ${root ? 'dovecot' : me.username}`,
        `default_internal_group = ${root ? 'dovecot' : groupName(gid)}`,
        `default_login_user = ${root ? 'dovenull' : me.username}`,
        `first_valid_uid = ${Math.min(uid, 100)}`,
        'first_valid_gid = 0',
        `mail_location = maildir:${dir}/home/%u/Maildir`,
        ...(opts.idle === false ? ['imap_capability = IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE LITERAL+ UIDPLUS NAMESPACE'] : []),
        ...(opts.oauth2IntrospectionUrl
          ? ['passdb {', '  driver = oauth2', '  mechanisms = xoauth2 oauthbearer', `  args = ${dir}/oauth2.conf`, '}']
          : []),
        'passdb {',
        '  driver = passwd-file',
        `  args = scheme=PLAIN username_format=%u ${dir}/passwd`,
        '}',
        'userdb {',
        '  driver = static',
        `  args = uid=${uid} gid=${gid} home=${dir}/home/%u`,
        '}',
        'service imap-login {',
        '  inet_listener imap {',
        '    address = 127.0.0.1',
        `    port = ${port}`,
        '  }',
        '  inet_listener imaps {',
        '    port = 0',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    if (opts.oauth2IntrospectionUrl) {
      fs.writeFileSync(
        path.join(dir, 'oauth2.conf'),
        [`introspection_url = ${opts.oauth2IntrospectionUrl}`, 'introspection_mode = post', 'username_attribute = username', 'active_attribute = active', 'active_value = true', ''].join('\n'),
      );
    }
    if (root) {
      // Dovecot's own users must reach the maildirs under the test's (root-owned, 0700) temp dir.
      fs.chmodSync(dir, 0o755);
      fs.chownSync(path.join(dir, 'home'), uid, gid);
    }
    const d = new Dovecot(dir, port, users, opts.lifetimeSec ?? 900);
    await d.run();
    return d;
  }

  /** Starts the server process (again, after `kill`), keeping the mailboxes. */
  async run(): Promise<void> {
    // Under coreutils `timeout`, which puts itself and the server in a process group of their own and kills that
    // group when the lifetime is up: the server stops by itself even if the test process dies without cleaning up,
    // and `kill` ends the master and every login, auth and IMAP process with one signal to the group.
    const conf = path.join(this.dir, 'dovecot.conf');
    // After a kill the old master may linger a moment as a zombie, and Dovecot refuses to start while its pid lives.
    fs.rmSync(path.join(this.dir, 'run', 'master.pid'), { force: true });
    const proc = spawn('timeout', ['-s', 'KILL', String(this.lifetimeSec), 'dovecot', '-F', '-c', conf], { stdio: 'ignore' });
    this.proc = proc;
    await untilListening(this.port);
  }

  /** Ends the server at once, as a crash would: SIGKILL to its process group (master, logins, open IMAP sessions). */
  async kill(): Promise<void> {
    const p = this.proc;
    this.proc = null;
    if (!p || p.exitCode !== null || !p.pid) return;
    const gone = new Promise((r) => p.once('exit', r));
    process.kill(-p.pid, 'SIGKILL');
    await gone;
    // Wait until the port is free before any restart.
    const end = Date.now() + 10_000;
    while (Date.now() < end) {
      const open = await new Promise<boolean>((resolve) => {
        const s = net.connect(this.port, '127.0.0.1', () => {
          s.destroy();
          resolve(true);
        });
        s.on('error', () => resolve(false));
      });
      if (!open) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Ends the server and removes its directory (mailboxes, log). */
  async stop(): Promise<void> {
    await this.kill();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  get user(): string {
    return Object.keys(this.users)[0]!;
  }

  get password(): string {
    return this.users[this.user]!;
  }

  /** A test client logged in as the mailbox's user (for APPEND, mailbox changes). */
  async client(): Promise<ImapFlow> {
    const c = new ImapFlow({ host: '127.0.0.1', port: this.port, secure: false, doSTARTTLS: false, auth: { user: this.user, pass: this.password }, logger: false });
    c.on('error', () => {});
    await c.connect();
    return c;
  }

  /**
   * Delivers one message the way a mail server hands mail to Dovecot: its local delivery agent (`dovecot-lda`, what
   * Postfix runs as `mailbox_command`), with the envelope sender and recipient. Resolves once it is in the mailbox.
   */
  deliver(raw: string | Buffer, recipient = this.user, sender = ''): Promise<void> {
    return new Promise((resolve, reject) => {
      const lda = spawn('timeout', ['-s', 'KILL', '30', DOVECOT_LDA, '-c', path.join(this.dir, 'dovecot.conf'), '-d', recipient, '-f', sender], { stdio: ['pipe', 'ignore', 'pipe'] });
      let err = '';
      lda.stderr.on('data', (c: Buffer) => (err += c.toString()));
      lda.on('error', reject);
      lda.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`dovecot-lda exited ${code}: ${err.trim()}`))));
      lda.stdin.end(raw);
    });
  }

  /** Delivers messages into a mailbox with IMAP APPEND (one connection for the lot). */
  async append(raws: Array<string | Buffer>, mailbox = 'INBOX'): Promise<void> {
    const c = await this.client();
    try {
      for (const raw of raws) await c.append(mailbox, raw);
    } finally {
      await c.logout();
    }
  }
}

const DOVECOT_LDA = '/usr/lib/dovecot/dovecot-lda';

/**
 * The company's inbound mail server on loopback, as a customer's mail reaches it: SMTP (the smtp-server package, no
 * authentication, only the mailbox's own addresses as recipients), each accepted message handed to Dovecot's delivery
 * agent before the 250 answer — so when a sender's SMTP transaction ends, the message is in the mailbox.
 */
export class MailExchanger {
  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(mailbox: Dovecot): Promise<MailExchanger> {
    const port = await freePort();
    const server = new SMTPServer({
      secure: false,
      disabledCommands: ['STARTTLS', 'AUTH'],
      size: 40 * 1024 * 1024,
      onRcptTo(address, _session, cb) {
        if (Object.hasOwn(mailbox.users, address.address)) cb();
        else cb(Object.assign(new Error('No such mailbox here'), { responseCode: 550 }));
      },
      onData(stream, session, cb) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          Promise.all(session.envelope.rcptTo.map((r) => mailbox.deliver(raw, r.address, from))).then(
            () => cb(),
            (e: Error) => cb(Object.assign(e, { responseCode: 451 })),
          );
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    server.on('error', () => {});
    return new MailExchanger(server, port);
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}

function idOf(flag: string, user: string): string {
  return execFileSync('id', [flag, user]).toString().trim();
}

function groupName(gid: number): string {
  const line = fs.readFileSync('/etc/group', 'utf8').split('\n').find((l) => l.split(':')[2] === String(gid));
  return line?.split(':')[0] ?? String(gid);
}

/** A real SMTP receiver (the smtp-server package) on loopback that keeps every message it accepts, parsed. */
export class SmtpReceiver {
  readonly received: Array<{ from: string; to: string[]; raw: string; mail: ParsedMail }> = [];
  /** Reply with this SMTP error to the next DATA commands (e.g. 451 or 550), then accept again. */
  failNext: Array<{ code: number; message: string }> = [];

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
    readonly auth: { user: string; pass: string },
  ) {}

  /** `tokenOk` also accepts XOAUTH2 logins whose access token it approves. */
  static async start(auth = { user: 'support@acme.test', pass: 'smtp-pass-7x6c5v' }, tokenOk?: (token: string) => boolean): Promise<SmtpReceiver> {
    const port = await freePort();
    let self: SmtpReceiver | null = null;
    const server = new SMTPServer({
      secure: false,
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      authMethods: ['PLAIN', 'LOGIN', ...(tokenOk ? ['XOAUTH2'] : [])],
      size: 10 * 1024 * 1024,
      onAuth(a, _session, cb) {
        if (a.method === 'XOAUTH2') {
          return tokenOk && a.username === auth.user && a.accessToken && tokenOk(a.accessToken)
            ? cb(null, { user: a.username })
            : cb(null, { data: { status: '401', schemes: 'bearer' } });
        }
        if (a.username === auth.user && a.password === auth.pass) cb(null, { user: a.username });
        else cb(new Error('Invalid username or password'));
      },
      onData(stream, session, cb) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const fail = self!.failNext.shift();
          if (fail) {
            const err = Object.assign(new Error(fail.message), { responseCode: fail.code });
            return cb(err);
          }
          const raw = Buffer.concat(chunks).toString('utf8');
          simpleParser(raw).then((mail) => {
            self!.received.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
              raw,
              mail,
            });
            cb();
          }, cb);
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    server.on('error', () => {});
    self = new SmtpReceiver(server, port, auth);
    return self;
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}

/** A plain RFC 5322 message for tests. */
export function rawMail(m: {
  from: string;
  to?: string;
  subject: string;
  text?: string;
  html?: string;
  messageId?: string | null;
  inReplyTo?: string;
  references?: string[];
  date?: Date;
  headers?: Record<string, string>;
}): string {
  const lines = [
    `From: ${m.from}`,
    `To: ${m.to ?? 'support@acme.test'}`,
    `Subject: ${m.subject}`,
    `Date: ${(m.date ?? new Date('2026-11-20T10:00:00Z')).toUTCString()}`,
    ...(m.messageId === null ? [] : [`Message-ID: <${m.messageId ?? `${Math.random().toString(36).slice(2)}@customer.test`}>`]),
    ...(m.inReplyTo ? [`In-Reply-To: <${m.inReplyTo}>`] : []),
    ...(m.references?.length ? [`References: ${m.references.map((r) => `<${r}>`).join(' ')}`] : []),
    ...Object.entries(m.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
    'MIME-Version: 1.0',
  ];
  if (m.html && m.text) {
    const b = 'b1_alt';
    lines.push(`Content-Type: multipart/alternative; boundary="${b}"`, '', `--${b}`, 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', m.text, `--${b}`, 'Content-Type: text/html; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', m.html, `--${b}--`, '');
  } else if (m.html) {
    lines.push('Content-Type: text/html; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', m.html, '');
  } else {
    lines.push('Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', m.text ?? '', '');
  }
  return lines.join('\r\n');
}
