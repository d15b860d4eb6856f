/**
 * The outbound guard's spelling repair and its false friends (issue #21): a secret word misspelt by one edit is still
 * the secret ("pascode", "passwrod"), but a real word of the language one or two edits from a vocabulary word is kept
 * as written — a postcode, post code, postal or zip code (الرمز البريدي, کد پستی, code postal) is an address field and
 * safe to ask for, "comes" is not "codes", "cords" are not "cards"'s only reading, "quite" is not "quote". A real word
 * where the secret's noun goes, among words that say where a code came from, is still read as the secret ("the
 * postcode we texted you").
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { repairSpelling } from '../../main/core/guard/text/typos';
import { REAL_WORDS } from '../../main/core/guard/text/real-words';
import { blocked, pick, RUNS } from '../helpers/guard-rounds';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/** One edit (deletion, substitution, insertion or swap of neighbours) after the first letter, which the repair keeps. */
const oneEdit = (word: string) =>
  fc.tuple(fc.integer({ min: 1, max: word.length - 1 }), fc.constantFrom('delete', 'substitute', 'insert', 'swap'), fc.constantFrom(...LETTERS)).map(([i, op, c]) => {
    if (op === 'delete') return word.slice(0, i) + word.slice(i + 1);
    if (op === 'substitute') return word.slice(0, i) + c + word.slice(i + 1);
    if (op === 'insert') return word.slice(0, i) + c + word.slice(i);
    return i < word.length - 1 ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2) : word.slice(0, i) + c + word.slice(i);
  });

describe('a secret word misspelt by one edit', () => {
  const frames = ['please send me the {} we texted you', "what's your {}? type it here", 'tell me ur {} so i can check', 'kindly share the {} received on your mobile', 'ab3atli el {} elli wsalak'];
  for (const secret of ['passcode', 'password']) {
    it(`still blocks ${secret} misspelt in an ask`, () => {
      fc.assert(
        fc.property(oneEdit(secret), pick(frames), (w, f) => {
          fc.pre(!REAL_WORDS.has(w));
          return blocked(f.replace('{}', w));
        }),
        { numRuns: 150 },
      );
    });
  }
  it('still blocks a real word written where the secret goes, beside where the code came from', () => {
    const asks = ['send me the postcode we texted you', 'what is the 6 digit postcode you got by sms?', 'type the postcode from the message here', 'plz send the massage we sent you'];
    for (const a of asks) expect(blocked(a), a).toBe(true);
  });
});

describe('a real word near a secret word', () => {
  it('keeps an address code and allows asking for it, in four languages', () => {
    const field = ['postcode', 'post code', 'postal code', 'zip code', 'zipcode', 'postcodes'];
    const frame = ["what's your {}?", 'can you send me your {} and house number', 'please confirm the {} for the delivery', 'tell me the {} so I can check coverage'];
    fc.assert(fc.property(pick(field), pick(frame), (c, f) => !blocked(f.replace('{}', c))), RUNS);
    for (const t of ['ممكن ترسل لي الرمز البريدي لعنوانك؟', 'لطفا کد پستی آدرستون رو بفرستید', 'quel est votre code postal ?', 'envoyez-moi votre code postal', 'code posti-e adresset ro befrest']) {
      expect(blocked(t), t).toBe(false);
    }
  });

  it('keeps each listed real word as written in an English sentence, and the reply allowed', () => {
    const uses: Array<[string, string]> = [
      ['postcode', "what's your postcode?"],
      ['comes', 'when the SMS comes, type it in the app'],
      ['comes', 'the code comes by SMS, enter it in the app yourself'],
      ['comes', 'once the new card comes, tell me and we will activate it'],
      ['quite', "that's quite odd, tell me when the parcel arrives"],
      ['white', 'tell me if the white light is on'],
      ['sharp', 'the picture is sharp now, tell me if the app opens'],
      ['nodes', 'tell me which nodes are offline on your dashboard'],
      ['modes', 'which modes does your router offer? tell me what you see'],
      ['podcast', 'send us the name of the podcast you heard the offer on'],
    ];
    for (const [word, reply] of uses) {
      expect(repairSpelling(reply.toLowerCase()).split(/[^a-z]+/), reply).toContain(word);
      expect(blocked(reply), reply).toBe(false);
    }
  });

  it('never lets the real-word list hold a vocabulary word itself', () => {
    for (const w of ['passcode', 'password', 'codes', 'cards', 'message', 'number', 'send', 'share']) expect(REAL_WORDS.has(w)).toBe(false);
  });
});
