import { z } from '@hono/zod-openapi';
import { AUDIENCES } from '../domain/identity';

export const SignInSchema = z
  .object({
    at: z.string(),
    userId: z.string(),
    name: z.string().openapi({ description: 'Empty when the login no longer exists' }),
    email: z.string(),
    audience: z.enum(AUDIENCES).optional().openapi({ description: 'The portal signed in to' }),
  })
  .openapi('SignIn');
export type SignIn = z.infer<typeof SignInSchema>;
export const SignInListSchema = z.object({ items: z.array(SignInSchema) }).openapi('SignInList');
