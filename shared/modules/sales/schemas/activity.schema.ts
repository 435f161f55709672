import { z } from '@hono/zod-openapi';
import { ACTIVITY_DIRECTIONS, ACTIVITY_STATUSES, ACTIVITY_TYPES, RELATED_TYPES } from '../domain/sales-vocabulary';
import { text, VersionedSchema } from '../../../platform/schemas/common.schema';

const RelatedSchema = z.object({ type: z.enum(RELATED_TYPES), id: text(64) }).openapi('Related');

export const ActivitySchema = z
  .object({
    id: z.string(),
    type: z.enum(ACTIVITY_TYPES),
    subject: z.string(),
    notes: z.string().optional(),
    dueAt: z.string().optional(),
    status: z.enum(ACTIVITY_STATUSES),
    outcome: z.string().optional(),
    durationMinutes: z.number().int().optional(),
    direction: z.enum(ACTIVITY_DIRECTIONS).optional(),
    related: RelatedSchema,
    /** The account whose timeline shows it, when the related record belongs to one. */
    accountId: z.string().optional(),
    ownerId: z.string().optional(),
    doneAt: z.string().optional(),
  })
  .extend(VersionedSchema.shape)
  .openapi('Activity');
export type Activity = z.infer<typeof ActivitySchema>;

export const ActivityCreateSchema = z
  .object({
    type: z.enum(ACTIVITY_TYPES),
    subject: text(200),
    notes: text(5000).optional(),
    dueAt: z.iso.datetime({ offset: true }).optional(),
    status: z.enum(ACTIVITY_STATUSES).optional(),
    outcome: text(2000).optional(),
    durationMinutes: z.number().int().min(0).max(24 * 60).optional(),
    direction: z.enum(ACTIVITY_DIRECTIONS).optional(),
    related: RelatedSchema,
    ownerId: text(64).optional(),
  })
  .strict()
  .openapi('ActivityCreate');
export type ActivityCreate = z.infer<typeof ActivityCreateSchema>;

export const ActivityPatchSchema = z
  .object({
    subject: text(200).optional(),
    notes: text(5000).nullable().optional(),
    dueAt: z.iso.datetime({ offset: true }).nullable().optional(),
    outcome: text(2000).nullable().optional(),
    durationMinutes: z.number().int().min(0).max(24 * 60).nullable().optional(),
    direction: z.enum(ACTIVITY_DIRECTIONS).nullable().optional(),
    ownerId: text(64).nullable().optional(),
    version: z.number().int().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).some((k) => k !== 'version'), { message: 'Nothing to change' })
  .openapi('ActivityPatch');
export type ActivityPatch = z.infer<typeof ActivityPatchSchema>;

export const ActivityDoneSchema = z
  .object({ outcome: text(2000).optional(), durationMinutes: z.number().int().min(0).max(24 * 60).optional(), version: z.number().int().optional() })
  .strict()
  .openapi('ActivityDone');
export type ActivityDone = z.infer<typeof ActivityDoneSchema>;

export const ActivityListQuerySchema = z.object({
  relatedType: z.enum(RELATED_TYPES).optional().openapi({ param: { name: 'relatedType', in: 'query' } }),
  relatedId: z.string().max(64).optional().openapi({ param: { name: 'relatedId', in: 'query' } }),
  ownerId: z.string().max(64).optional().openapi({ param: { name: 'ownerId', in: 'query' } }),
  status: z.enum(ACTIVITY_STATUSES).optional().openapi({ param: { name: 'status', in: 'query' } }),
});

/** A rep's day: what is overdue, due today and coming up (times in the rep's time zone). */
export const MyDaySchema = z
  .object({ overdue: z.array(ActivitySchema), today: z.array(ActivitySchema), upcoming: z.array(ActivitySchema) })
  .openapi('MyDay');
