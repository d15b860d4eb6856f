import { safeOriginalView } from '../../core/connectors/email';
import { WHOLE_ORIGINAL } from '../../core/shared/vocabulary';

/**
 * What a granted reveal hands the renderer. A field is its value; a whole original (an e-mail's HTML) is never its
 * markup but the document `safeOriginalView` builds from it — the same rule for a single seat and a team console,
 * applied in the main process, so the sender's HTML never reaches the renderer.
 */
export function shownReveal<T extends { fieldType: string; value: string }>(r: T): T {
  return r.fieldType === WHOLE_ORIGINAL ? { ...r, value: safeOriginalView(r.value) } : r;
}
