import { z } from '@hono/zod-openapi';
import { text, VersionedSchema } from '../../../platform/schemas/common.schema';

export const ContactSchema = z
  .object({
    id: z.string(),
    firstName: z.string().optional(),
    lastName: z.string(),
    email: z.string().optional(),
    phone: z.string().optional(),
    title: z.string().optional(),
    hasPortalAccess: z.boolean(),
  })
  .extend(VersionedSchema.shape)
  .openapi('Contact');
export type Contact = z.infer<typeof ContactSchema>;

const contactFields = {
  firstName: text(80).optional(),
  lastName: text(80),
  email: z.string().trim().toLowerCase().pipe(z.email().max(254)).optional(),
  phone: text(40).optional(),
  title: text(80).optional(),
};
export const ContactCreateSchema = z
  .object({ ...contactFields, accountId: text(64).optional(), role: text(60).optional() })
  .strict()
  .openapi('ContactCreate');
export type ContactCreate = z.infer<typeof ContactCreateSchema>;

export const ContactPatchSchema = z
  .object({
    firstName: contactFields.firstName.nullable(),
    lastName: contactFields.lastName.optional(),
    email: contactFields.email.nullable(),
    phone: contactFields.phone.nullable(),
    title: contactFields.title.nullable(),
    version: z.number().int().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).some((k) => k !== 'version'), { message: 'Nothing to change' })
  .openapi('ContactPatch');
export type ContactPatch = z.infer<typeof ContactPatchSchema>;

export const ContactListQuerySchema = z.object({
  q: z.string().trim().max(80).optional().openapi({ param: { name: 'q', in: 'query' }, description: 'Last name prefix' }),
});
