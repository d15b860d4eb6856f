/**
 * Labels in Japanese, Chinese, Korean and Hindi, which the lexicon (Latin and Arabic-script words) cannot read: "電話：
 * ０８０－…", "手机：138 0013 8000", "身份证号：…", "マイナンバーは…", "주민등록번호 …", "在留カード番号：AB12345678CD", "मेरा नंबर
 * ९८७६५-४३२१०". The nearest such label
 * before a value on its line (within a few characters: these scripts put no space between words) names its type: a
 * phone's, an identity document's or a passport's label retypes a value found as another of the three, a record's
 * (order, tracking) leaves a number nothing else explained visible. A Japanese residence card's number (two letters,
 * eight digits, two letters, in ASCII or full-width) after its label is an ID.
 */
import { FAIL_CLOSED_CONFIDENCE } from './fail-closed';
import type { DetectedSpan, SensitiveType } from './types';

/** Devanagari, kana, CJK ideographs, Hangul: the scripts whose labels this step reads. */
const SCRIPTS = /[\u0900-\u097f\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]/;

type Label = SensitiveType | 'RECORD';
const LABELS: Array<[Label, string[]]> = [
  ['PHONE', ['電話', '电话', '手机', '手機', '携帯', 'ケータイ', '전화', '휴대폰', '핸드폰', '연락처', 'फोन', 'फ़ोन', 'मोबाइल', 'मोबाईल', 'मेरा नंबर', 'मेरा नम्बर']],
  ['NATIONAL_ID', ['在留カード', 'マイナンバー', '個人番号', '身份证', '身份證', '身分證', '주민등록', '외국인등록', 'आधार', 'नागरिकता']],
  ['PASSPORT', ['旅券', 'パスポート', '护照', '護照', '여권', 'पासपोर्ट']],
  ['RECORD', ['注文', '订单', '訂單', '追跡', '快递', '快遞', '주문', '운송장', 'ऑर्डर']],
];
const WINDOW = 16;

/** The label nearest before `at` on its line, within `WINDOW` characters. */
function labelBefore(text: string, at: number): Label | undefined {
  let from = Math.max(0, at - WINDOW);
  const nl = text.lastIndexOf('\n', at - 1);
  if (nl >= from) from = nl + 1;
  const piece = text.slice(from, at);
  let best: Label | undefined;
  let bestAt = -1;
  for (const [label, words] of LABELS) {
    for (const w of words) {
      const k = piece.lastIndexOf(w);
      if (k > bestAt) [best, bestAt] = [label, k];
    }
  }
  return best;
}

const RETYPED: ReadonlySet<SensitiveType> = new Set<SensitiveType>(['PHONE', 'NATIONAL_ID', 'PASSPORT']);
const RESIDENCE_CARD = /(?<![A-Za-z0-9Ａ-Ｚａ-ｚ０-９])[A-ZＡ-Ｚ]{2}[0-9０-９]{8}[A-ZＡ-Ｚ]{2}(?![A-Za-z0-9Ａ-Ｚａ-ｚ０-９])/g;

const GROUPED_ID = /(?<!\p{Nd})\p{Nd}{1,8}(?: ?[/-] ?\p{Nd}{1,8}){1,4}(?!\p{Nd})/gu;

/** The spans found elsewhere, retyped or dropped by the label before each, with residence card numbers and grouped IDs added (see above). */
export function withScriptLabels(text: string, spans: DetectedSpan[]): DetectedSpan[] {
  if (!SCRIPTS.test(text)) return spans;
  const out: DetectedSpan[] = [];
  for (const s of spans) {
    const label = labelBefore(text, s.start);
    if (label === 'RECORD' && s.confidence === FAIL_CLOSED_CONFIDENCE) continue;
    out.push(label && label !== 'RECORD' && RETYPED.has(s.type) && s.type !== label ? { ...s, type: label } : s);
  }
  // "नागरिकता नं २७-०१-७४-०५१२३": an ID's digits in groups joined by dashes or slashes after its label (the lexicon
  // cannot read the label, and the groups read as a date)
  GROUPED_ID.lastIndex = 0;
  for (let m = GROUPED_ID.exec(text); m; m = GROUPED_ID.exec(text)) {
    const [start, end] = [m.index, m.index + m[0].length];
    const digits = m[0].replace(/[^\p{Nd}]/gu, '').length;
    if (digits >= 6 && digits <= 14 && labelBefore(text, start) === 'NATIONAL_ID' && !out.some((s) => s.start < end && start < s.end)) out.push({ type: 'NATIONAL_ID', start, end, confidence: 0.6 });
  }
  if (text.includes('在留')) {
    RESIDENCE_CARD.lastIndex = 0;
    for (let m = RESIDENCE_CARD.exec(text); m; m = RESIDENCE_CARD.exec(text)) {
      const [start, end] = [m.index, m.index + m[0].length];
      if (labelBefore(text, start) === 'NATIONAL_ID' && !out.some((s) => s.start < end && start < s.end)) out.push({ type: 'NATIONAL_ID', start, end, confidence: 0.6 });
    }
  }
  return out.length === spans.length && out.every((s, k) => s === spans[k]) ? spans : out.sort((x, y) => x.start - y.start || y.end - x.end);
}
