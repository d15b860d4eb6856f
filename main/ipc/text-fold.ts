// The one text-folding rule as values the renderer may import (the second exception its lint rule makes for
// main-process code, beside the vocabulary): `core/text/fold` is pure and imports nothing, so the console's filters
// fold exactly as search and the highlighter do.
export { DIGIT_CLASS, digitValue, foldText } from '../core/text/fold';
