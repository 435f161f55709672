import { z } from '@hono/zod-openapi';
import {
  LoginResultSchema,
  LoginSchema,
  MeSchema,
  PasswordResetConfirmSchema,
  PasswordResetSchema,
  ProfilePatchSchema,
  RegisterSchema,
  TokenSchema,
} from '../../../../shared/modules/identity/schemas/auth.schema';
import { sessionService } from '../../../../shared/modules/identity/services/session.service';
import { registrationService } from '../../../../shared/modules/identity/services/registration.service';
import { profileService } from '../../../../shared/modules/identity/services/profile.service';
import { clientAddress } from '../../middleware/client-address';
import { appendCorrelation } from '../../../../shared/platform/logger';
import { clearSessionCookie, deviceCookie, requireCaller, setDeviceCookie, setSessionCookie } from '../../middleware/session';
import { defineRoute, json, jsonBody, router } from '../route-kit';

const Accepted = z.object({ status: z.literal('accepted') }).openapi('Accepted');
const Done = z.object({ status: z.literal('ok') }).openapi('Done');

export const authRoutes = router()
  .openapi(
    defineRoute({ method: 'post', path: '/auth/login', tags: ['Auth'], summary: 'Sign in', request: { body: jsonBody(LoginSchema) }, responses: { 200: json(LoginResultSchema) } }),
    async (c) => {
      const { email, password, deviceToken } = c.req.valid('json');
      const client = { address: clientAddress(c), deviceToken: deviceToken ?? deviceCookie(c) };
      const signedIn = await sessionService.login(email, password, client, c.get('portal'));
      appendCorrelation({ userId: signedIn.caller.actor.userId });
      setSessionCookie(c, signedIn.token);
      setDeviceCookie(c, signedIn.deviceToken);
      return c.json({ user: signedIn.caller.user, token: signedIn.token, deviceToken: signedIn.deviceToken }, 200);
    },
  )
  .openapi(
    defineRoute({ method: 'post', path: '/auth/logout', tags: ['Auth'], summary: 'Sign out (ends the session)', responses: { 204: { description: 'Signed out' } } }),
    async (c) => {
      const caller = c.get('caller');
      if (caller) await sessionService.logout(caller.sessionHash);
      clearSessionCookie(c);
      return c.body(null, 204);
    },
  )
  .openapi(
    defineRoute({ method: 'get', path: '/auth/me', tags: ['Auth'], summary: 'The signed-in user', responses: { 200: json(MeSchema) } }),
    (c) => c.json({ user: requireCaller(c).user }, 200),
  )
  .openapi(
    defineRoute({ method: 'patch', path: '/auth/me', tags: ['Auth'], summary: 'Change your own name or language', request: { body: jsonBody(ProfilePatchSchema) }, responses: { 200: json(MeSchema) } }),
    async (c) => {
      const user = await profileService.update(requireCaller(c), c.req.valid('json'));
      return c.json({ user }, 200);
    },
  )
  .openapi(
    defineRoute({ method: 'post', path: '/auth/register', tags: ['Auth'], summary: 'Sign up as a customer, partner or investor (always 202)', request: { body: jsonBody(RegisterSchema) }, responses: { 202: json(Accepted, 'Accepted; a verification mail is on its way if the address is new') } }),
    async (c) => {
      await registrationService.register(c.req.valid('json'), clientAddress(c));
      return c.json({ status: 'accepted' as const }, 202);
    },
  )
  .openapi(
    defineRoute({ method: 'post', path: '/auth/verify', tags: ['Auth'], summary: 'Confirm an e-mail address', request: { body: jsonBody(TokenSchema) }, responses: { 200: json(Done) } }),
    async (c) => {
      await registrationService.verify(c.req.valid('json').token);
      return c.json({ status: 'ok' as const }, 200);
    },
  )
  .openapi(
    defineRoute({ method: 'post', path: '/auth/password-reset', tags: ['Auth'], summary: 'Ask for a password reset link (always 202)', request: { body: jsonBody(PasswordResetSchema) }, responses: { 202: json(Accepted) } }),
    async (c) => {
      await registrationService.requestPasswordReset(c.req.valid('json').email, clientAddress(c));
      return c.json({ status: 'accepted' as const }, 202);
    },
  )
  .openapi(
    defineRoute({ method: 'post', path: '/auth/password-reset/confirm', tags: ['Auth'], summary: 'Set a new password with a reset or invitation link', request: { body: jsonBody(PasswordResetConfirmSchema) }, responses: { 200: json(Done) } }),
    async (c) => {
      const { token, password } = c.req.valid('json');
      await registrationService.confirmPasswordReset(token, password);
      return c.json({ status: 'ok' as const }, 200);
    },
  );
