import type { SessionLike, WebContentsLike } from './port';

/** Hosts whose https links may open in the OS browser (exact host or a subdomain of it). */
export const DEFAULT_EXTERNAL_HOSTS: readonly string[] = [];

export function isAllowedExternalUrl(url: string, allowedHosts: readonly string[]): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== 'https:' || u.username || u.password) return false;
  const host = u.hostname.toLowerCase();
  return allowedHosts.some((h) => host === h || host.endsWith('.' + h));
}

export interface ContentsPolicy {
  allowedExternalHosts: readonly string[];
  openExternal(url: string): Promise<void> | void;
}

/**
 * Every web contents: no navigation away from the loaded page, no new windows, no <webview>.
 * An https link on the allow-list opens in the OS browser instead; everything else is dropped.
 */
export function hardenWebContents(contents: WebContentsLike, policy: ContentsPolicy): void {
  const maybeOpenOutside = (url: string) => {
    if (isAllowedExternalUrl(url, policy.allowedExternalHosts)) void policy.openExternal(url);
  };
  contents.on('will-navigate', (e, url) => {
    e.preventDefault();
    maybeOpenOutside(url);
  });
  contents.on('will-redirect', (e) => e.preventDefault());
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    maybeOpenOutside(url);
    return { action: 'deny' };
  });
}

/**
 * Deny by default: the console needs no camera, microphone, notifications-by-web-API, geolocation, USB... and it
 * never downloads: exports are written by main to a path the user chose, so a download started by page content
 * (a blob or data link, a link on an allowed host) is cancelled before any byte reaches the disk.
 */
export function hardenSession(session: SessionLike, log: (line: string) => void = () => {}): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.on('will-download', (e, item) => {
    e.preventDefault();
    item.cancel();
    log(`download refused (${schemeOf(item.getURL())})`);
  });
}

/** Only the scheme: a download URL may carry a token or customer data, which never go to a log. */
function schemeOf(url: string): string {
  const m = /^([a-z][a-z0-9+.-]*):/i.exec(url);
  return m ? `${m[1]!.toLowerCase()}:` : 'unknown scheme';
}
