import { getCookie, setCookie } from 'hono/cookie';
import {
  KbArticleCreateSchema,
  KbArticlePatchSchema,
  KbArticleSchema,
  KbCategorySchema,
  KbFeedbackResultSchema,
  KbFeedbackSchema,
  KbLanguageQuerySchema,
  KbListQuerySchema,
  KbSearchHitSchema,
  KbSearchQuerySchema,
  KbSlugParamSchema,
} from '../../../../shared/modules/kb/schemas/kb.schema';
import { IdParamSchema, IdempotencyHeaderSchema, IfMatchHeaderSchema, pageOf, PageQuerySchema } from '../../../../shared/platform/schemas/common.schema';
import { kbService } from '../../../../shared/modules/kb/services/kb.service';
import { config } from '../../../../shared/platform/config';
import { LIMITS } from '../../../../shared/modules/identity/services/throttle';
import { clientAddress } from '../../middleware/client-address';
import { requireCaller } from '../../middleware/session';
import { defineRoute, expectedVersion, json, jsonBody, router } from '../route-kit';

/** The signed-out voter's cookie: only the knowledge base routes receive it. */
const VISITOR_COOKIE = 'relasi_kb_visitor';
const VISITOR_COOKIE_SECONDS = 365 * 24 * 60 * 60;

/** Readable without signing in (published public articles); a session shows staff the rest. */
const signInOptional: Record<string, string[]>[] = [{}, { session: [] }, { bearer: [] }];

export const kbRoutes = router()
  .openapi(
    defineRoute({
      method: 'get',
      path: '/kb/articles',
      tags: ['Knowledge base'],
      summary: 'Articles by language, category and title (no sign-in: published public ones; status filter for staff)',
      security: signInOptional,
      request: { query: PageQuerySchema.extend(KbListQuerySchema.shape) },
      responses: { 200: json(pageOf(KbArticleSchema)) },
    }),
    async (c) => {
      const { limit, cursor, lang, category, status } = c.req.valid('query');
      return c.json(await kbService.list(c.get('caller')?.actor, { limit, cursor }, { language: lang, category, status }), 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/kb/articles',
      tags: ['Knowledge base'],
      summary: 'Write an article (service, marketing, admin): body sanitised, slug from the title unless given (409 slug_taken)',
      request: { headers: IdempotencyHeaderSchema, body: jsonBody(KbArticleCreateSchema) },
      responses: { 201: json(KbArticleSchema, 'Created') },
    }),
    async (c) => c.json(await kbService.create(requireCaller(c).actor, c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/kb/articles/by-slug/{slug}',
      tags: ['Knowledge base'],
      summary: 'The article behind a pretty URL (slugs are unique per language)',
      security: signInOptional,
      request: { params: KbSlugParamSchema, query: KbLanguageQuerySchema },
      responses: { 200: json(KbArticleSchema) },
    }),
    async (c) => c.json(await kbService.bySlug(c.get('caller')?.actor, c.req.valid('query').lang, c.req.valid('param').slug), 200),
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/kb/articles/{id}',
      tags: ['Knowledge base'],
      summary: 'One article (drafts, archived and internal ones: staff only, 404 for anyone else)',
      security: signInOptional,
      request: { params: IdParamSchema },
      responses: { 200: json(KbArticleSchema) },
    }),
    async (c) => c.json(await kbService.get(c.get('caller')?.actor, c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'patch',
      path: '/kb/articles/{id}',
      tags: ['Knowledge base'],
      summary: 'Change an article (If-Match: version); it is re-indexed for search in the same transaction',
      request: { params: IdParamSchema, headers: IfMatchHeaderSchema, body: jsonBody(KbArticlePatchSchema) },
      responses: { 200: json(KbArticleSchema) },
    }),
    async (c) => {
      const body = c.req.valid('json');
      return c.json(await kbService.update(requireCaller(c).actor, c.req.valid('param').id, expectedVersion(c, body.version), body), 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/kb/articles/{id}/feedback',
      tags: ['Knowledge base'],
      summary: `"Was this helpful?" (no sign-in needed), one answer per voter: voting again replaces the answer. Signed in, per user; signed out, per visitor cookie (${VISITOR_COOKIE}, set by the answer; without a valid one the vote is a new visitor's, at most ${LIMITS.kbVisitorsPerIp.max} per address an hour, else 429). A retry with the same Idempotency-Key counts once`,
      security: signInOptional,
      request: { params: IdParamSchema, headers: IdempotencyHeaderSchema, body: jsonBody(KbFeedbackSchema) },
      responses: { 200: json(KbFeedbackResultSchema) },
    }),
    async (c) => {
      const { helpful } = c.req.valid('json');
      const visitor = { token: getCookie(c, VISITOR_COOKIE), address: clientAddress(c) };
      const { result, visitorToken } = await kbService.feedback(c.get('caller')?.actor, c.req.valid('param').id, helpful, visitor, c.req.valid('header')['idempotency-key']);
      if (visitorToken) setCookie(c, VISITOR_COOKIE, visitorToken, { httpOnly: true, secure: config().cookieSecure, sameSite: 'Lax', path: '/api/v1/kb', maxAge: VISITOR_COOKIE_SECONDS });
      return c.json(result, 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/kb/search',
      tags: ['Knowledge base'],
      summary: 'Published articles matching the words typed, best first (the last word matches as a prefix while typing)',
      security: signInOptional,
      request: { query: KbSearchQuerySchema },
      responses: { 200: json(pageOf(KbSearchHitSchema)) },
    }),
    async (c) => {
      const { q, lang, limit } = c.req.valid('query');
      return c.json({ items: await kbService.search(c.get('caller')?.actor, lang, q, limit), nextCursor: null }, 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/kb/categories',
      tags: ['Knowledge base'],
      summary: "A language's categories with the number of articles the caller may read in each",
      security: signInOptional,
      request: { query: KbLanguageQuerySchema },
      responses: { 200: json(pageOf(KbCategorySchema)) },
    }),
    async (c) => c.json({ items: await kbService.categories(c.get('caller')?.actor, c.req.valid('query').lang), nextCursor: null }, 200),
  );
