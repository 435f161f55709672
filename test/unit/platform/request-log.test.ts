import type { Context as LambdaContext } from 'aws-lambda';
import { Hono } from 'hono';
import { app } from '../../../functions/api/app';
import type { AppEnv } from '../../../functions/api/env';
import { correlation, REQUEST_ID_HEADER } from '../../../functions/api/middleware/correlation';
import { onError } from '../../../functions/api/middleware/errors';
import { session } from '../../../functions/api/middleware/session';
import { withInvocationLog } from '../../../functions/invocation-log';
import { sessionService, type Caller } from '../../../shared/modules/identity/services/session.service';
import { logger } from '../../../shared/platform/logger';

type Line = Record<string, unknown> & { message: string };

/** The logger's JSON lines written while `work` runs (Powertools writes to stdout and stderr itself, not through `console`). */
async function linesOf(work: () => Promise<unknown>): Promise<Line[]> {
  const written: string[] = [];
  const capture = (chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  };
  const out = jest.spyOn(process.stdout, 'write').mockImplementation(capture);
  const err = jest.spyOn(process.stderr, 'write').mockImplementation(capture);
  try {
    await work();
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return written.flatMap((chunk) => chunk.split('\n')).filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Line);
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

const callerOf = (userId: string): Caller => ({
  actor: { userId, partyId: `party-${userId}`, audiences: ['staff'], roles: ['service'], accountIds: [] },
  user: { id: userId, email: `${userId}@kaktus.example`, name: userId, partyId: `party-${userId}`, audiences: ['staff'], roles: ['service'], locale: 'en' },
  sessionHash: `hash-${userId}`,
});
const CALLERS: Record<string, Caller> = { 'token-ani': callerOf('user-ani'), 'token-budi': callerOf('user-budi') };

/** Stands for a service deep inside a request: it logs through the plain logger import, knowing nothing of the request. */
function deepService(step: string): void {
  logger.info(`service ${step}`, { step });
}

/** Each request logs once, waits until the other has logged too, then logs again: their lines interleave. */
const received = { ani: deferred(), budi: deferred() };
const testApp = new Hono<AppEnv>();
testApp.onError(onError);
testApp.use('*', correlation, session);
testApp.get('/interleaved/:who', async (c) => {
  const who = c.req.param('who') === 'ani' ? 'ani' : 'budi';
  deepService('received');
  received[who].resolve();
  await received[who === 'ani' ? 'budi' : 'ani'].promise;
  deepService('answered');
  return c.json({ ok: true });
});
testApp.get('/fails', () => {
  throw new Error('the database went away');
});

const asCaller = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

beforeAll(() => {
  logger.setLogLevel('INFO');
  jest.spyOn(sessionService, 'resolve').mockImplementation(async (token) => CALLERS[token]);
});
afterAll(() => jest.restoreAllMocks());

describe('log lines written during a request', () => {
  test("carry its request id and its caller's user id, also deep in a service, and two interleaved requests never mix them", async () => {
    let answers: Response[] = [];
    const lines = await linesOf(async () => {
      answers = await Promise.all([testApp.request('/interleaved/ani', asCaller('token-ani')), testApp.request('/interleaved/budi', asCaller('token-budi'))]);
    });
    const [ani, budi] = answers.map((answer) => answer.headers.get(REQUEST_ID_HEADER));
    expect(ani).toMatch(/^[0-9a-f-]{36}$/);
    expect(budi).toMatch(/^[0-9a-f-]{36}$/);
    expect(ani).not.toBe(budi);
    // Interleaved: both were received before either answered.
    expect(lines.map((line) => line.step)).toEqual(['received', 'received', 'answered', 'answered']);
    const ofAni = lines.filter((line) => line.requestId === ani);
    const ofBudi = lines.filter((line) => line.requestId === budi);
    expect(ofAni.map((line) => [line.step, line.userId])).toEqual([['received', 'user-ani'], ['answered', 'user-ani']]);
    expect(ofBudi.map((line) => [line.step, line.userId])).toEqual([['received', 'user-budi'], ['answered', 'user-budi']]);
  });

  test('without a session they carry the request id alone; outside a request neither', async () => {
    let answer: Response | undefined;
    const lines = await linesOf(async () => {
      answer = await testApp.request('/fails');
      logger.info('between requests');
    });
    expect(answer?.status).toBe(500);
    expect(lines).toEqual([
      expect.objectContaining({ level: 'ERROR', message: 'request failed', path: '/fails', requestId: answer?.headers.get(REQUEST_ID_HEADER) }),
      expect.objectContaining({ message: 'between requests' }),
    ]);
    expect(lines[0]).not.toHaveProperty('userId');
    expect(lines[0]?.error).toEqual(expect.objectContaining({ message: 'the database went away' }));
    expect(lines[1]).not.toHaveProperty('requestId');
  });

  test("an unexpected error's line names the caller", async () => {
    const lines = await linesOf(async () => testApp.request('/fails', asCaller('token-ani')));
    expect(lines).toEqual([expect.objectContaining({ message: 'request failed', userId: 'user-ani', requestId: expect.any(String) })]);
  });

  test("the API answers with the request id: API Gateway's in AWS, a fresh one elsewhere", async () => {
    const local = await app.request('/api/v1/no-such-route');
    expect(local.status).toBe(404);
    expect(local.headers.get(REQUEST_ID_HEADER)).toMatch(/^[0-9a-f-]{36}$/);
    const inAws = await app.request('/api/v1/no-such-route', {}, { requestContext: { requestId: 'Kx7pWg5hSQ0EJqA=' } } as AppEnv['Bindings']);
    expect(inAws.headers.get(REQUEST_ID_HEADER)).toBe('Kx7pWg5hSQ0EJqA=');
  });
});

describe('log lines of a background function', () => {
  const context: LambdaContext = {
    callbackWaitsForEmptyEventLoop: true,
    functionName: 'Relasi-EventsFunction',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:ap-southeast-3:123456789012:function:Relasi-EventsFunction',
    memoryLimitInMB: '512',
    awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
    logGroupName: '/aws/lambda/Relasi-EventsFunction',
    logStreamName: '2026/12/07/[$LATEST]abcdef',
    getRemainingTimeInMillis: () => 30_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };

  test("carry the invocation's request id, and locally (no Lambda context) a fresh one per run", async () => {
    const lines = await linesOf(async () => {
      await withInvocationLog(undefined, async () => deepService('local run'));
      await withInvocationLog(undefined, async () => deepService('local run'));
      await withInvocationLog(context, async () => deepService('in Lambda'));
    });
    const [first, second, inLambda] = lines;
    expect(first?.requestId).toEqual(expect.any(String));
    expect(second?.requestId).not.toBe(first?.requestId);
    expect(inLambda).toEqual(expect.objectContaining({ requestId: context.awsRequestId, function_request_id: context.awsRequestId, function_name: context.functionName }));
  });
});
