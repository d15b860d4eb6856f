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
