/**
 * @mentions in an internal note: `@username` where the name is a colleague's (case-insensitive), in any script.
 * An address such as `ana@example.com` is not a mention (a letter or digit before the `@`), and punctuation that
 * ends a sentence is not part of the name.
 */
const MENTION = /(?<![\p{L}\p{N}_.@-])@([\p{L}\p{N}_][\p{L}\p{N}_.-]{0,63})/gu;

export function mentionedNames(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(MENTION)) {
    const name = m[1]!.replace(/[.-]+$/u, '');
    if (name) out.push(name);
  }
  return out;
}

/** The colleagues a note mentions, each once, in the order first named; names that match nobody are ignored. */
export function resolveMentions<T extends { id: number; username: string }>(text: string, team: readonly T[]): T[] {
  const byName = new Map(team.map((u) => [u.username.toLocaleLowerCase('en'), u]));
  const seen = new Set<number>();
  const out: T[] = [];
  for (const name of mentionedNames(text)) {
    const u = byName.get(name.toLocaleLowerCase('en'));
    if (u && !seen.has(u.id)) {
      seen.add(u.id);
      out.push(u);
    }
  }
  return out;
}

/**
 * Completion while typing a note: the `@partial` right before the caret (if any) and the colleagues whose user
 * name or display name starts with it, ignoring case and Arabic/Persian letter variants (ي/ی, ك/ک, أ/إ/آ/ا, ة/ه).
 */
export function mentionCompletions<T extends { username: string; displayName: string }>(
  text: string,
  caret: number,
  team: readonly T[],
  limit = 8,
): { from: number; query: string; matches: T[] } | null {
  const before = text.slice(0, caret);
  const m = /(?<![\p{L}\p{N}_.@-])@([\p{L}\p{N}_.-]{0,64})$/u.exec(before);
  if (!m) return null;
  const query = fold(m[1]!);
  const matches = team.filter((u) => fold(u.username).startsWith(query) || fold(u.displayName).split(/\s+/u).some((w) => w.startsWith(query))).slice(0, limit);
  return { from: m.index, query: m[1]!, matches };
}

const fold = (s: string) =>
  s
    .normalize('NFKC')
    .toLocaleLowerCase('en')
    .replace(/[يى]/gu, 'ی')
    .replace(/ك/gu, 'ک')
    .replace(/[أإآ]/gu, 'ا')
    .replace(/ة/gu, 'ه');
