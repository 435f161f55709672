import { z } from '@hono/zod-openapi';
import { ACCOUNT_TIERS, DEFAULT_TIME_ZONE, TICKET_CHANNELS, TICKET_STATUSES, WEEKDAYS, type Weekday } from '../domain/service-vocabulary';
import { isKnownTimeZone, minuteOfDay } from '../domain/sla-clock';
import { text, VersionedSchema } from '../../../platform/schemas/common.schema';
import { isoDate } from '../../commerce/schemas/quote.schema';

/** Longest target: about 185 working days of 9 hours, far past any real SLA. */
export const MAX_TARGET_MINUTES = 100_000;
/** Ranks sort as four digits in the policy index. */
export const MAX_RANK = 9999;

const hhmm = z
  .string()
  .refine((value) => minuteOfDay(value) !== undefined, { message: 'Use HH:MM (00:00–23:59)' })
  .openapi({ example: '08:00' });

export const BusinessHoursSchema = z
  .object({ start: hhmm, end: hhmm })
  .strict()
  .refine((h) => (minuteOfDay(h.start) ?? 0) < (minuteOfDay(h.end) ?? 0), { message: 'start must be before end', path: ['end'] })
  .openapi('BusinessHours');

const openDay = BusinessHoursSchema.optional();
const weekHours = z
  .object(Object.fromEntries(WEEKDAYS.map((day) => [day, openDay])) as Record<Weekday, typeof openDay>)
  .strict()
  .refine((week) => Object.values(week).some(Boolean), { message: 'At least one weekday must be open' })
  .openapi('WeekHours', { description: 'Opening hours per weekday, local time; a missing day is closed' });

const timeZone = z
  .string()
  .max(64)
  .refine(isKnownTimeZone, { message: 'Not an IANA time zone' })
  .openapi({ example: DEFAULT_TIME_ZONE });

const holidays = z
  .array(isoDate)
  .max(500)
  .refine((dates) => new Set(dates).size === dates.length, { message: 'A date appears twice' })
  .openapi({ description: 'Local dates (YYYY-MM-DD) closed all day' });

const minutes = z.number().int().positive().max(MAX_TARGET_MINUTES);

const TargetSchema = z
  .object({ firstResponseMinutes: minutes, resolutionMinutes: minutes })
  .strict()
  .refine((t) => t.firstResponseMinutes <= t.resolutionMinutes, { message: 'The first response cannot be due after the resolution', path: ['firstResponseMinutes'] })
  .openapi('SlaTarget', { description: 'Business minutes' });

const targets = z.object({ low: TargetSchema, normal: TargetSchema, high: TargetSchema, urgent: TargetSchema }).strict().openapi('SlaTargets');

const unique = <T extends z.ZodTypeAny>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((values) => new Set(values).size === values.length, { message: 'A value appears twice' });

const pauseStatuses = unique(z.enum(TICKET_STATUSES), TICKET_STATUSES.length).openapi({ description: 'Statuses in which the clock stands still' });

export const SlaAppliesToSchema = z
  .object({
    categories: unique(text(60), 50).optional(),
    channels: unique(z.enum(TICKET_CHANNELS), TICKET_CHANNELS.length).optional(),
    accountTiers: unique(z.enum(ACCOUNT_TIERS), ACCOUNT_TIERS.length).optional(),
  })
  .strict()
  .openapi('SlaAppliesTo', { description: 'Which tickets the policy covers; a missing or empty list does not narrow it' });

const rank = z.number().int().min(0).max(MAX_RANK).openapi({ description: 'Lower wins when several policies apply' });

export const SlaPolicySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    timeZone: z.string(),
    businessHours: weekHours,
    holidays: z.array(z.string()),
    targets,
    pauseStatuses: z.array(z.enum(TICKET_STATUSES)),
    appliesTo: SlaAppliesToSchema,
    rank: z.number().int(),
    active: z.boolean(),
  })
  .extend(VersionedSchema.shape)
  .openapi('SlaPolicy');
export type SlaPolicy = z.infer<typeof SlaPolicySchema>;

export const SlaPolicyCreateSchema = z
  .object({
    name: text(120),
    timeZone: timeZone.default(DEFAULT_TIME_ZONE),
    businessHours: weekHours,
    holidays: holidays.default([]),
    targets,
    pauseStatuses: pauseStatuses.default(['pending']),
    appliesTo: SlaAppliesToSchema.default({}),
    rank: rank.default(100),
    active: z.boolean().default(true),
  })
  .strict()
  .openapi('SlaPolicyCreate');
export type SlaPolicyCreate = z.infer<typeof SlaPolicyCreateSchema>;

/** Nested fields (businessHours, holidays, targets, appliesTo) are replaced whole. */
export const SlaPolicyPatchSchema = z
  .object({
    name: text(120).optional(),
    timeZone: timeZone.optional(),
    businessHours: weekHours.optional(),
    holidays: holidays.optional(),
    targets: targets.optional(),
    pauseStatuses: pauseStatuses.optional(),
    appliesTo: SlaAppliesToSchema.optional(),
    rank: rank.optional(),
    active: z.boolean().optional(),
    version: z.number().int().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).some((k) => k !== 'version'), { message: 'Nothing to change' })
  .openapi('SlaPolicyPatch');
export type SlaPolicyPatch = z.infer<typeof SlaPolicyPatchSchema>;
