export { ASSIGN_MODES, pickAgent, type AssignMode, type Candidate } from './assignment';
export { mentionCompletions, mentionedNames, resolveMentions } from './mentions';
export { effectivePresence, PRESENCE_STATES, type PresenceRow, type PresenceState } from './presence';
export { channelRuleSchema, consentNoticeSchema, type ChannelRuleInput } from './rules';
