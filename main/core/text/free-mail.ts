/**
 * Free-mail providers' names (the domain's name before its ending): anyone may open an address there, so an address at
 * one is a person's, never a company's own. Masking reads an address said with "at" by them; the inbound guard a
 * sender dressed with a company's name on one.
 */
export const FREE_MAIL_PROVIDER = /^(?:gmail|googlemail|yahoo|ymail|rocketmail|hotmail|outlook|live|msn|aol|icloud|me|proton|protonmail|pm|gmx|mail|yandex|zoho|inbox|rediffmail|tutanota)$/i;
