import http from 'node:http';

export interface OAuthProviderOptions {
  /** The refresh token the provider accepts first; each use rotates it to `rt-<prefix><n>-…`. */
  initialRefresh: string;
  /** Keeps the tokens of one test apart from another's (and recognisable in a failure). */
  prefix: string;
  /** Called with every token pair it issues (the console tests register them with the leak scan). */
  onIssue?: (pair: { access: string; refresh: string }) => void;
}

/**
 * A loopback OAuth2 provider for the e-mail tests: a token endpoint that accepts only the newest refresh token for the
 * client `diwan-mail` and rotates it on every use, and RFC 7662 introspection for Dovecot's XOAUTH2.
 */
export async function startOAuthProvider(o: OAuthProviderOptions) {
  let n = 0;
  let refresh = o.initialRefresh;
  const live = new Set<string>();
  const calls: string[] = [];
  const refused: string[] = [];
  const srv = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      res.setHeader('content-type', 'application/json');
      if (req.url === '/token') {
        calls.push(form.get('grant_type') ?? '');
        if (form.get('refresh_token') !== refresh || form.get('client_id') !== 'diwan-mail') {
          refused.push(form.get('refresh_token') ?? '');
          res.statusCode = 400;
          return res.end(JSON.stringify({ error: 'invalid_grant' }));
        }
        const access = `at-${o.prefix}${++n}-5t6y7u8i`;
        refresh = `rt-${o.prefix}${n}-1a2s3d4f`;
        o.onIssue?.({ access, refresh });
        live.add(access);
        return res.end(JSON.stringify({ access_token: access, expires_in: 3600, refresh_token: refresh, token_type: 'Bearer' }));
      }
      const token = form.get('token') ?? '';
      res.end(JSON.stringify(live.has(token) ? { active: true, username: 'support@acme.test' } : { active: false }));
    });
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(srv.address() as { port: number }).port}`;
  return {
    url,
    live,
    calls,
    refused,
    revokeAll: () => live.clear(),
    close: () => new Promise<void>((r) => srv.close(() => r())),
    get refresh() {
      return refresh;
    },
  };
}
