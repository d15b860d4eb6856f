// The shared words as values the renderer may import (the one exception its lint rule makes for main-process code):
// roles, channel kinds, statuses, delivery states, drill kinds and error codes. Defined once in the core.
export * from '../core/shared/vocabulary';
