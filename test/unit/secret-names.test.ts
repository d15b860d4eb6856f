import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksLikeSecretName } from '../../main/core/shared/secret-names';
import { parseRelayConfig } from '../../main/relay/config';

const styles = [
  (w: string[]) => w.map((x, i) => (i ? x[0]!.toUpperCase() + x.slice(1) : x)).join(''), // camelCase
  (w: string[]) => w.join('_'),
  (w: string[]) => w.join('-'),
  (w: string[]) => w.map((x) => x.toUpperCase()).join('_'),
  (w: string[]) => w.map((x) => x[0]!.toUpperCase() + x.slice(1)).join(''), // PascalCase
];
const plainWord = fc.constantFrom('page', 'phone', 'number', 'id', 'account', 'poll', 'interval', 'seconds', 'base', 'url', 'channel', 'app', 'bot', 'user', 'name', 'via', 'seed', 'gap');
const secretWord = fc.constantFrom('tok', 'auth', 'key', 'bearer', 'pwd', 'token', 'secret', 'password', 'pass', 'credential', 'apikey', 'sig', 'cookie');

describe('setting names that mean a secret', () => {
  it('refuses the names the hostile test used, in any spelling', () => {
    for (const k of ['tok', 'auth', 'key', 'bearer', 'pwd', 'appSecret', 'accessToken', 'api_key', 'BOT_TOKEN', 'authHeader', 'signingKey']) {
      expect(looksLikeSecretName(k), k).toBe(true);
    }
    fc.assert(
      fc.property(fc.array(plainWord, { maxLength: 3 }), secretWord, fc.nat(3), fc.constantFrom(...styles), (words, secret, at, style) => {
        const w: string[] = [...words];
        w.splice(Math.min(at, w.length), 0, secret);
        expect(looksLikeSecretName(style(w))).toBe(true);
      }),
    );
  });

  it('keeps the settings channels really use, and public keys', () => {
    for (const k of ['pageId', 'phoneNumberId', 'longPollSeconds', 'baseUrl', 'seed', 'backlogMs', 'conversationGapMs', 'via', 'publicKey', 'keychainService', 'monkeyCount']) {
      expect(looksLikeSecretName(k), k).toBe(false);
    }
    fc.assert(
      fc.property(fc.array(plainWord, { minLength: 1, maxLength: 4 }), fc.constantFrom(...styles), (w, style) => {
        expect(looksLikeSecretName(style(w))).toBe(false);
      }),
    );
  });

  it('the relay refuses a configuration with such a setting, naming it', () => {
    const config = { dataDir: '/var/lib/diwan-relay', console: { certFile: 'c.pem' }, officeRanges: ['10.0.0.0/8'], devices: [], channels: [{ id: 'tg', kind: 'telegram', settings: { tok: '123:abc' } }] };
    expect(() => parseRelayConfig(config)).toThrow(/"channels\[0\]\.settings\.tok"/);
  });
});
