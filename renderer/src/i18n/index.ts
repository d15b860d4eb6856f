import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import ar from './locales/ar.json';
import en from './locales/en.json';
import fa from './locales/fa.json';
import arWorkflow from './locales/workflow/ar.json';
import enWorkflow from './locales/workflow/en.json';
import faWorkflow from './locales/workflow/fa.json';

import { INTERFACE_LANGUAGES, type InterfaceLanguage } from '../../../main/ipc/vocabulary';

/** The languages main words its explanations in too (one list, in the shared vocabulary). */
export const LANGUAGES = INTERFACE_LANGUAGES;
export type Language = InterfaceLanguage;

const RTL: ReadonlySet<Language> = new Set(['ar', 'fa']);

export function directionOf(lang: Language): 'rtl' | 'ltr' {
  return RTL.has(lang) ? 'rtl' : 'ltr';
}

void i18next.use(initReactI18next).init({
  // The team workflow's words live in their own files (locales/workflow/), under `workflow.*`.
  resources: { en: { translation: { ...en, workflow: enWorkflow } }, ar: { translation: { ...ar, workflow: arWorkflow } }, fa: { translation: { ...fa, workflow: faWorkflow } } },
  lng: 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});

/** Switches the UI language and mirrors the whole document for Arabic and Persian. */
export async function setLanguage(lang: Language): Promise<void> {
  await i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
  document.documentElement.dir = directionOf(lang);
}

export default i18next;
