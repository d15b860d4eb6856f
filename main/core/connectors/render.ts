/**
 * How content that is not plain text reads in the conversation. Every connector renders locations, contacts, polls,
 * customer events and unknown kinds through these functions, so an agent sees the same wording whichever platform
 * the customer wrote on, and no content-bearing message is ever stored blank.
 *
 * The results are ordinary message text: the store masks them like anything a customer typed (a shared contact's
 * phone number is masked as a phone number).
 */

export interface ContactCard {
  name?: string;
  phones?: string[];
  emails?: string[];
  organisation?: string;
}

const clean = (s: string | undefined | null): string => (typeof s === 'string' ? s.replace(/\s+/g, ' ').trim() : '');

function coordinates(latitude: number, longitude: number): string {
  return `${latitude.toFixed(6)}, ${longitude.toFixed(6)}`;
}

export const render = {
  location(p: { latitude?: number; longitude?: number; name?: string; address?: string; live?: boolean }): string {
    const hasPoint = Number.isFinite(p.latitude) && Number.isFinite(p.longitude);
    const place = [clean(p.name), clean(p.address)].filter(Boolean).join(', ');
    const label = p.live ? 'Live location' : 'Location';
    const point = hasPoint ? coordinates(p.latitude!, p.longitude!) : '';
    return `[${label}] ${[place, point ? `(${point})` : ''].filter(Boolean).join(' ') || 'no coordinates given'}`;
  },

  contacts(cards: ContactCard[]): string {
    if (!cards.length) return '[Contact] (empty card)';
    return cards
      .map((c) => {
        const parts = [clean(c.name) || 'unnamed', clean(c.organisation), ...(c.phones ?? []).map(clean), ...(c.emails ?? []).map(clean)];
        return `[Contact] ${parts.filter(Boolean).join(', ')}`;
      })
      .join('\n');
  },

  poll(question: string, options: string[]): string {
    return `[Poll] ${clean(question) || '(no question)'} — ${options.map(clean).filter(Boolean).join(' / ') || 'no options'}`;
  },

  /** Something the customer did rather than wrote: a button tap, a reaction, blocking the bot. */
  event(what: string): string {
    return `[${clean(what)}]`;
  },

  /** A kind Diwan does not show: visible, named, never blank. */
  unsupported(kind: string, why?: string): string {
    return `[Unsupported message (${clean(kind) || 'unknown'})${why ? `: ${clean(why)}` : ''}]`;
  },

  /**
   * A file the platform sent without a caption: its kind stands in for the text. Never pass a customer's file name
   * here: file names are masked more strictly as attachment metadata (digit runs blotted), which text is not.
   */
  attachment(kind: string, name?: string): string {
    return `[${kind}${name ? `: ${clean(name)}` : ''}]`;
  },

  /** Text of the message, plus what it carries that is not text, each on its own line. */
  join(...parts: Array<string | undefined | null | false>): string {
    return parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '').join('\n');
  },

  /** A short quotation of another message (reply context, edited original), one line, at most 80 characters. */
  quote(text: string | undefined | null): string {
    const t = clean(text);
    return [...t].length > 80 ? `${[...t].slice(0, 79).join('')}…` : t;
  },
};

/** Unsupported kinds seen in a batch, as the health note that goes with it. */
export function unsupportedNote(platform: string, kinds: readonly string[]): string | undefined {
  if (!kinds.length) return undefined;
  const names = [...new Set(kinds)].join(', ');
  return `${platform} sent ${kinds.length} item(s) of a kind Diwan cannot show (${names}); each is in its conversation as an "unsupported message" entry.`;
}
