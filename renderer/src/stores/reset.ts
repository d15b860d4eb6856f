/**
 * Every store that can hold customer data registers its reset here. Lock, sign-out and sign-in call
 * `dropCustomerData()`, so no masked text, revealed value or draft outlives the session on screen or in memory.
 */
const resets: Array<() => void> = [];

export function registerReset(reset: () => void): void {
  resets.push(reset);
}

export function dropCustomerData(): void {
  for (const r of resets) r();
}
