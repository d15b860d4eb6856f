import fs from 'node:fs';
import type { z } from 'zod';
import { DiwanError } from '../../core/shared/errors';
import { calendarSpecSchema } from '../../core/sla';
import { channelRuleSchema, consentNoticeSchema } from '../../core/workflow';
import { ConsentStore, WorkflowStore, type HubConfig, type HubStore } from '../../hub';
import { flagValue, type CliIo } from '../command';

export const WORKFLOW_USAGE = [
  'diwan hub workflow show --config FILE                      every channel\'s rule, the business calendar',
  'diwan hub workflow rule CHANNEL --file RULE.json --config FILE      assignment and SLA rule of a channel',
  'diwan hub workflow calendar --file CALENDAR.json --config FILE      the team\'s business hours, weekend, holidays',
  'diwan hub workflow consent CHANNEL --config FILE           publish the next version of its notice (text on stdin)',
];

export interface WorkflowCliDeps {
  withStore: <T>(args: string[], io: CliIo, fn: (store: HubStore, config: HubConfig) => Promise<T>) => Promise<T>;
  actor: { actor: string; device: null };
  readStdin: (stream: NodeJS.ReadableStream) => Promise<string>;
}

function jsonFile<T>(args: string[], schema: z.ZodType<T>, what: string): T {
  const file = flagValue(args, '--file');
  if (!file) throw new DiwanError('hub_usage', `Give the ${what} as a JSON file: --file ${what}.json (docs/IT-GUIDE.md, "Team workflow").`);
  let value: unknown;
  try {
    value = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new DiwanError('hub_usage', `${file} cannot be read as JSON (${(e as NodeJS.ErrnoException).code ?? 'not JSON'}).`);
  }
  const r = schema.safeParse(value);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new DiwanError('hub_usage', `${file} is not a valid ${what}: ${i.path.join('.') || 'the top level'} ${i.message}.`);
  }
  return r.data;
}

/** `diwan hub workflow …`: what a lead sets through the API, for IT on the hub host (audited as IT). */
export async function workflowCli(args: string[], io: CliIo, d: WorkflowCliDeps): Promise<number> {
  const [, verb, target] = args;
  if (verb === 'rule' || verb === 'consent') {
    if (!target || target.startsWith('--')) throw new DiwanError('hub_usage', `Name the channel: \`diwan hub workflow ${verb} CHANNEL\`.`);
  }
  if (verb === 'rule') {
    const rule = jsonFile(args, channelRuleSchema, 'rule');
    return d.withStore(args, io, async (store) => {
      await new WorkflowStore(store, Date.now).saveRule({ channelId: target!, ...rule }, d.actor);
      io.stdout.write(`Saved the rule of "${target}": ${rule.mode}, capacity ${rule.capacity}.\n`);
      return 0;
    });
  }
  if (verb === 'calendar') {
    const spec = jsonFile(args, calendarSpecSchema, 'calendar');
    return d.withStore(args, io, async (store) => {
      await new WorkflowStore(store, Date.now).saveCalendar(spec, d.actor);
      io.stdout.write(`Saved the business calendar (${spec.timeZone}, weekend ${spec.weekend.join('+') || 'none'}, ${spec.holidays.length} holidays).\n`);
      return 0;
    });
  }
  if (verb === 'consent') {
    const r = consentNoticeSchema.safeParse(await d.readStdin(io.stdin));
    if (!r.success) throw new DiwanError('hub_usage', 'Give the notice on stdin: 20 to 2,000 characters.');
    return d.withStore(args, io, async (store) => {
      const n = await new ConsentStore(store, Date.now).publish(target!, r.data, d.actor);
      io.stdout.write(`Published version ${n.version} of the consent notice of "${target}"; first contacts from now on get it.\n`);
      return 0;
    });
  }
  if (verb === 'show') {
    return d.withStore(args, io, async (store) => {
      const wf = new WorkflowStore(store, Date.now);
      for (const r of await wf.rules()) {
        const sla = [r.firstResponseMinutes && `first ${r.firstResponseMinutes} min`, r.nextResponseMinutes && `next ${r.nextResponseMinutes} min`, r.resolutionMinutes && `resolve ${r.resolutionMinutes} min`].filter(Boolean);
        io.stdout.write(
          `${r.channelId}\t${r.mode}\tcapacity ${r.capacity}\treturn ${r.returnAfterMinutes === null ? 'never' : `after ${r.returnAfterMinutes} min`}\t${r.assigneeOnlyReply ? 'assignee only' : 'anyone replies'}\t${sla.join(', ') || 'no SLA'}\n`,
        );
      }
      io.stdout.write(`calendar\t${JSON.stringify((await wf.calendar()).spec)}\n`);
      return 0;
    });
  }
  throw new DiwanError('hub_usage', WORKFLOW_USAGE.join('\n'));
}
