import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksLikeSecretName } from '../../main/core/shared/secret-names';
import { refuseMissingSettings, refuseSecretSettings } from '../../main/hub/config';

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

  it('the hub refuses channel settings with such a name, naming it without repeating the value', () => {
    expect(() => refuseSecretSettings({ longPollSeconds: 1, tok: '123:abc' }, 'The channel "tg"')).toThrow(/"settings\.tok"/);
    expect(() => refuseSecretSettings({ longPollSeconds: 1, tok: '123:abc' }, 'The channel "tg"')).not.toThrow(/123:abc/);
    expect(() => refuseSecretSettings({ pageId: '700', phoneNumberId: '42' }, 'The channel "wa"')).not.toThrow();
  });

  it('the hub asks for the ids each webhook channel needs, by name', () => {
    expect(() => refuseMissingSettings('whatsapp', {}, 'The channel "wa"')).toThrow(/"phoneNumberId"/);
    expect(() => refuseMissingSettings('instagram', { pageId: '700' }, 'The channel "ig"')).toThrow(/needs "accountId"/);
    expect(() => refuseMissingSettings('instagram', { pageId: '700', accountId: '1784' }, 'The channel "ig"')).not.toThrow();
    expect(() => refuseMissingSettings('telegram', undefined, 'The channel "tg"')).not.toThrow();
  });
});
