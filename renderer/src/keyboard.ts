import { useEffect } from 'react';

/**
 * Shortcuts match the physical key (`KeyJ`), not the character, so they work the same on Arabic and Persian
 * layouts. Single keys are ignored while typing in a field; `Mod` is Ctrl, or ⌘ on macOS.
 */
export interface Command {
  id: string;
  label: string;
  /** e.g. 'KeyJ', 'Shift+Slash', 'Mod+KeyK', 'Escape'. */
  keys?: string;
  /** What the help overlay shows for the keys. */
  display?: string;
  run(): void;
  enabled?: boolean;
}

function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

export function chordOf(e: KeyboardEvent): string {
  const parts: string[] = [];
  if (e.ctrlKey || e.metaKey) parts.push('Mod');
  if (e.altKey) parts.push('Alt');
  if (e.shiftKey) parts.push('Shift');
  parts.push(e.code || e.key);
  return parts.join('+');
}

export function useGlobalKeys(commands: Command[]): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.isComposing) return;
      const chord = chordOf(e);
      const cmd = commands.find((c) => c.keys === chord && c.enabled !== false);
      if (!cmd) return;
      const modified = chord.startsWith('Mod+') || chord === 'Escape';
      if (!modified && typingIn(e.target)) return;
      e.preventDefault();
      cmd.run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [commands]);
}
