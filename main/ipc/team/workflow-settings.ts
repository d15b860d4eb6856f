import { DiwanError } from '../../core/shared/errors';
import type { CalendarSpec } from '../../core/sla';
import type { TeamSeat } from '../../core/team';
import { DEFAULT_RULE, type ChannelRuleInput, type ConsentNoticeTexts } from '../../core/workflow';
import type { CallContext, Handlers } from '../dispatch';
import { channelKindOf } from './rows';

type SettingsChannel = 'workflowSettings' | 'saveAssignmentRule' | 'setAgentCapacity' | 'saveBusinessCalendar' | 'consentNotices' | 'publishConsentNotice';
export type WorkflowSettingsHandlers = Pick<Handlers<CallContext>, SettingsChannel>;

type HubRule = ChannelRuleInput & { channelId: string };

/**
 * What leads and administrators edit in team mode (issue 18): the assignment rule and SLA targets of each channel,
 * the agents' own capacities, the business calendar, and consent notices. Each call goes to the hub, which checks
 * the permission and the values again and writes the change with its audit entry; nothing is kept here but the
 * calendar the countdowns use, dropped on a save (`calendarSaved`).
 */
export function workflowSettingsHandlers(seatOf: (ctx: CallContext) => TeamSeat, calendarSaved: (seat: TeamSeat) => void): WorkflowSettingsHandlers {
  return {
    workflowSettings: async (_r, ctx) => {
      const seat = seatOf(ctx);
      const [rules, capacities, calendar] = await Promise.all([
        seat.client.call('GET', '/v1/workflow/rules').then((x) => x.rules as HubRule[]),
        seat.client.call('GET', '/v1/workflow/capacity').then((x) => x.capacities as Array<{ userId: number; capacity: number }>),
        seat.client.call('GET', '/v1/workflow/calendar').then((x) => x.calendar as CalendarSpec),
      ]);
      const ruleOf = new Map(rules.map(({ channelId, ...rule }) => [channelId, rule]));
      const capacityOf = new Map(capacities.map((c) => [c.userId, c.capacity]));
      return {
        channels: seat.cache.channels().map((c) => ({ channelId: c.id, name: c.name, kind: channelKindOf(c.kind), rule: ruleOf.get(c.id) ?? DEFAULT_RULE })),
        // Capacity matters to whom the sweep hands conversations: agents who are not disabled.
        agents: seat.cache
          .team()
          .filter((m) => m.role === 'agent' && !m.disabled)
          .map((m) => ({ userId: m.id, name: m.displayName || m.username, role: m.role, capacity: capacityOf.get(m.id) ?? null })),
        calendar: { ...calendar, holidays: calendar.holidays ?? [] },
      };
    },
    saveAssignmentRule: async (r, ctx) => {
      const out = await seatOf(ctx).client.call('POST', `/v1/workflow/rules/${encodeURIComponent(r.channelId)}`, r.rule);
      const { channelId: _id, ...rule } = out.rule as HubRule;
      return { rule };
    },
    setAgentCapacity: async (r, ctx) => {
      await seatOf(ctx).client.call('POST', `/v1/workflow/capacity/${r.userId}`, { capacity: r.capacity });
      return { done: true as const };
    },
    saveBusinessCalendar: async (r, ctx) => {
      const seat = seatOf(ctx);
      const out = await seat.client.call('POST', '/v1/workflow/calendar', r.calendar);
      calendarSaved(seat);
      const calendar = out.calendar as CalendarSpec;
      return { calendar: { ...calendar, holidays: calendar.holidays ?? [] } };
    },
    consentNotices: async (r, ctx) => {
      const out = await seatOf(ctx).client.call('GET', `/v1/workflow/consent/${encodeURIComponent(r.channelId)}`);
      const notices = out.notices as Array<{ version: number; texts: ConsentNoticeTexts; createdAt: number; createdBy: string }>;
      return { notices: notices.slice(-1000).map((n) => ({ version: n.version, texts: n.texts, createdAt: n.createdAt, createdBy: n.createdBy })) };
    },
    publishConsentNotice: async (r, ctx) => {
      const out = await seatOf(ctx).client.call('POST', `/v1/workflow/consent/${encodeURIComponent(r.channelId)}`, { texts: r.texts });
      return { version: (out.notice as { version: number }).version };
    },
  };
}

/** Single-seat mode: the rules, calendar and notices live at a team hub; this console has none. */
export function workflowSettingsOffHandlers(): WorkflowSettingsHandlers {
  const off = (): never => {
    throw new DiwanError('team_off', 'Assignment rules, capacities, the business calendar and consent notices are kept at a team hub; this console works alone.');
  };
  return { workflowSettings: off, saveAssignmentRule: off, setAgentCapacity: off, saveBusinessCalendar: off, consentNotices: off, publishConsentNotice: off };
}
