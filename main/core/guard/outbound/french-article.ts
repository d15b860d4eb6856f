/**
 * French "la" is an article ("donnez-lui la carte"), Arabizi and Gulf pidgin "la" is "no" ("la tar3tih la 7ada"): in
 * a sentence that a closed set of French function words marks as French, the article is read as "le", so that the
 * negation lexicon's "la" does not negate the French ask. Gender is nothing to the guard. Works on folded text.
 * (round 26) Spanish marks a sentence too ("del", "los", "usted"), and in any sentence "la" before a noun and its
 * "de" ("la fecha de caducidad", "la date d'expiration" inside Darija) is the article: a negated verb follows "la".
 */
const FRENCH_MARK = /(?<![\p{L}'])(?:vous|votre|vos|notre|nos|une|des|est|avec|pour|je|tu|ton|lui|moi|svp|c'est|j'ai|du|aux|del|los|las|usted|para)(?![\p{L}'])/u;
const ARTICLE_LA = /(?<![\p{L}'])la(?= \p{L})/gu;
const LA_NOUN_OF = /(?<![\p{L}'])la(?= \p{L}{2,12} (?:de |del |d'))/gu;

export function readFrenchArticle(folded: string): string {
  if (!folded.includes('la ')) return folded;
  return folded.replace(/[^.!?؟\n]+/gu, (sentence) => (FRENCH_MARK.test(sentence) ? sentence.replace(ARTICLE_LA, 'le') : sentence.replace(LA_NOUN_OF, 'le')));
}
