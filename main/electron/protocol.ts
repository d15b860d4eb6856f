import { readStatic, SECURITY_HEADERS } from './content';

export const APP_SCHEME = 'app';
export const APP_HOST = 'diwan';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export const APP_SCHEME_PRIVILEGES = [
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
];

/** Serves the built renderer from `rendererDir` over app://diwan/, with the CSP and no way out of that folder. */
export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || request.method !== 'GET') {
      return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    }
    const file = await readStatic(rendererDir, url.pathname);
    if (!file) return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    return new Response(new Uint8Array(file.body), { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': file.type } });
  };
}

/** True for our own page: the app:// origin. (URL.origin is "null" for custom schemes, so compare the parts.) */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}
