/**
 * Carriers' tracking numbers known by their structure, which stay visible however their groups are spaced: a UPS
 * number is "1Z", six letters or digits of the shipper's account, two of the service and eight of the parcel ("1Z 999
 * AA1 01 2345 6784", "1Z8V94E20398812044"). Its digit groups alone look like a phone or an ID to the readers, and the
 * fail-closed rule leaves a code's tail after letters masked (an IBAN's groups after "SA03" look the same): "1Z" is no
 * country's code, so the prefix says what the groups are.
 */
import type { DetectedSpan } from './types';

const UPS = /(?<![A-Za-z0-9])1Z(?:[ \u00a0-]?[A-Z0-9]){6}(?:[ \u00a0-]?[0-9]){10}(?![A-Za-z0-9])/gi;

/** The spans found elsewhere, without those inside a carrier's tracking number. */
export function withoutTrackingNumbers(text: string, spans: DetectedSpan[]): DetectedSpan[] {
  if (!spans.length || !/1Z/i.test(text)) return spans;
  const codes: Array<[number, number]> = [];
  UPS.lastIndex = 0;
  for (let m = UPS.exec(text); m; m = UPS.exec(text)) codes.push([m.index, m.index + m[0].length]);
  if (!codes.length) return spans;
  return spans.filter((s) => !codes.some(([a, b]) => s.start >= a && s.end <= b));
}
