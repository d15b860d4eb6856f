export { DEFAULT_FIRST_RESPONSE_MS, percentile, reportTimes, type ReportEpisode, type ReportTimes } from './times';
