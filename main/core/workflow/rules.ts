import { z } from 'zod';
import { WORKFLOW_LIMITS as L } from '../shared/vocabulary';
import { ASSIGN_MODES } from './assignment';

const minutes = z.number().int().min(L.slaMinutes.min).max(L.slaMinutes.max).nullable();

/** A channel's workflow rule as a lead, an administrator or IT writes it (the API and `diwan hub workflow rule`). */
export const channelRuleSchema = z
  .object({
    mode: z.enum(ASSIGN_MODES),
    capacity: z.number().int().min(L.capacity.min).max(L.capacity.max),
    /** 0: back to the queue as soon as the assignee is away or offline; null: never. */
    returnAfterMinutes: z.number().int().min(L.returnAfterMinutes.min).max(L.returnAfterMinutes.max).nullable(),
    assigneeOnlyReply: z.boolean(),
    firstResponseMinutes: minutes,
    nextResponseMinutes: minutes,
    resolutionMinutes: minutes,
  })
  .strict();

export type ChannelRuleInput = z.infer<typeof channelRuleSchema>;

/** A channel's rule until someone saves one: a person assigns, no SLA promises. */
export const DEFAULT_RULE: ChannelRuleInput = {
  mode: 'manual',
  capacity: 5,
  returnAfterMinutes: null,
  assigneeOnlyReply: false,
  firstResponseMinutes: null,
  nextResponseMinutes: null,
  resolutionMinutes: null,
};

/** An agent's own capacity (the most open conversations they hold); null: their channels' rules decide. */
export const agentCapacitySchema = z.number().int().min(L.capacity.min).max(L.capacity.max).nullable();

/** A consent notice: long enough to say something, short enough for one chat message. */
export const consentNoticeSchema = z.string().trim().min(L.noticeText.min).max(L.noticeText.max);

/** A notice's versions are written per language; each language's text is a notice of its own (sent to one customer). */
export const consentNoticeTextsSchema = z
  .object({ en: consentNoticeSchema.optional(), ar: consentNoticeSchema.optional(), fa: consentNoticeSchema.optional() })
  .strict()
  .refine((t) => Boolean(t.en || t.ar || t.fa), { message: 'must have the text in at least one language' });

export type ConsentNoticeTexts = z.infer<typeof consentNoticeTextsSchema>;
