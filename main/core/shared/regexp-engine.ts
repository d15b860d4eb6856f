import v8 from 'node:v8';

/**
 * Compile every regular expression to machine code on its first use instead of interpreting it first and
 * recompiling it once it turns out to be hot (V8's "tier-up"). Masking and the guards run hundreds of expressions
 * per message; with tier-up the recompilations land on whichever message happens to cross the threshold, which
 * doubled the guards' p99 decision time (bench/README, "Regular expressions compiled ahead"). Imported first by
 * each entry point (the Electron main process, the `diwan` command and the hub it runs), before any pattern runs.
 */
v8.setFlagsFromString('--no-regexp-tier-up');
