import { create } from 'zustand';
import { registerReset } from './reset';

/**
 * The one open conversation. The list, the palette, search hits, the lead's screens and the customer panel select;
 * the detail, composer and reveal stores follow it (each subscribes here), so there is no second copy to keep in step.
 */
interface SelectionState {
  id: number | null;
  select(id: number | null): void;
}

export const useSelection = create<SelectionState>((set) => ({
  id: null,
  select: (id) => set({ id }),
}));

/** Calls `run(next, previous)` whenever another conversation (or none) is selected. */
export function onSelectionChange(run: (next: number | null, previous: number | null) => void): void {
  useSelection.subscribe((s, prev) => {
    if (s.id !== prev.id) run(s.id, prev.id);
  });
}

registerReset(() => useSelection.getState().select(null));
