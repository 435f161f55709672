import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { config } from '../../../shared/platform/config';
import { AUDIENCES, type Audience } from '../../../shared/modules/identity/domain/identity';
import { PORTAL_HEADER } from '../../../shared/platform/portal-edge';
import { UnauthenticatedError } from '../../../shared/platform/errors';
import { appendCorrelation } from '../../../shared/platform/logger';
import { SESSION_ABSOLUTE_SECONDS, sessionService, type Caller } from '../../../shared/modules/identity/services/session.service';
import { DEVICE_TOKEN_SECONDS } from '../../../shared/modules/identity/services/device-token';
import type { AppEnv } from '../env';

/** One cookie per portal, so a browser can hold a staff and a customer session side by side on localhost. */
export function cookieName(portal: Audience | undefined): string {
  return `relasi_${portal ?? 'api'}`;
}

/** The device cookie (OWASP's, see device-token.ts), per portal like the session cookie. */
export function deviceCookieName(portal: Audience | undefined): string {
  return `relasi_device_${portal ?? 'api'}`;
}

/** Only sign-in reads the device cookie, so no other request carries it. */
const DEVICE_COOKIE_PATH = '/api/v1/auth/login';

function portalOf(c: Context): Audience | undefined {
  const header = c.req.header(PORTAL_HEADER);
  return AUDIENCES.find((a) => a === header);
}

/** Find the caller from the bearer token or the portal's cookie; never fails by itself. */
export const session: MiddlewareHandler<AppEnv> = async (c, next) => {
  const portal = portalOf(c);
  c.set('portal', portal);
  const authorization = c.req.header('authorization');
  const bearer = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const cookie = getCookie(c, cookieName(portal));
  const token = bearer ?? cookie;
  if (token) {
    const caller = await sessionService.resolve(token);
    if (caller) {
      c.set('caller', caller);
      c.set('authMethod', bearer ? 'bearer' : 'cookie');
      appendCorrelation({ userId: caller.actor.userId });
    }
  }
  await next();
};

/** The signed-in caller, or 401. */
export function requireCaller(c: Context<AppEnv>): Caller {
  const caller = c.get('caller');
  if (!caller) throw new UnauthenticatedError();
  return caller;
}

export function setSessionCookie(c: Context<AppEnv>, token: string): void {
  setCookie(c, cookieName(c.get('portal')), token, {
    httpOnly: true,
    secure: config().cookieSecure,
    sameSite: 'Lax',
    path: '/',
    maxAge: SESSION_ABSOLUTE_SECONDS,
  });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, cookieName(c.get('portal')), { path: '/', secure: config().cookieSecure });
}

/** The device token the browser holds for this portal, if any. */
export function deviceCookie(c: Context<AppEnv>): string | undefined {
  return getCookie(c, deviceCookieName(c.get('portal')));
}

export function setDeviceCookie(c: Context<AppEnv>, token: string): void {
  setCookie(c, deviceCookieName(c.get('portal')), token, {
    httpOnly: true,
    secure: config().cookieSecure,
    sameSite: 'Strict',
    path: DEVICE_COOKIE_PATH,
    maxAge: DEVICE_TOKEN_SECONDS,
  });
}
