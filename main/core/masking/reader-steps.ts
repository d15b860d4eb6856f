/**
 * Steps the number readers take: a word, token or digit group visited, a value classified. Counted so that tests can
 * check that the cost of masking grows linearly with a message's length without timing anything (one increment per
 * step, never read on the masking path).
 */
export const readerSteps = { count: 0 };
