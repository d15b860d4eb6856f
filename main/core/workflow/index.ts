export { ASSIGN_MODES, pickAgent, type AssignMode, type Candidate } from './assignment';
export { mentionCompletions, mentionedNames, resolveMentions } from './mentions';
export { effectivePresence, PRESENCE_STATES, type PresenceRow, type PresenceState } from './presence';
export { agentCapacitySchema, channelRuleSchema, DEFAULT_RULE, consentNoticeSchema, consentNoticeTextsSchema, type ChannelRuleInput, type ConsentNoticeTexts } from './rules';
export { languageOfText, NOTICE_LANGUAGES, noticeFor, type NoticeLanguage } from './notice-language';
