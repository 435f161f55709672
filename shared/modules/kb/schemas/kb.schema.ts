import { z } from '@hono/zod-openapi';
import { KB_LANGUAGES, KB_STATUSES, KB_VISIBILITIES } from '../../desk/domain/service-vocabulary';
import { KB_LIMITS, SLUG_PATTERN, slugify } from '../domain/kb';
import { text, VersionedSchema } from '../../../platform/schemas/common.schema';

const language = z.enum(KB_LANGUAGES).openapi({ description: 'en = English, id = Bahasa Indonesia' });
const slug = z.string().max(KB_LIMITS.slugChars).regex(SLUG_PATTERN, 'Lower-case letters, digits and single hyphens').openapi({ example: 'jam-pengiriman-katering' });
const category = text(KB_LIMITS.categoryChars).refine((value) => slugify(value) !== '', { message: 'Use at least one Latin letter or digit' });
const tags = z.array(text(KB_LIMITS.tagChars)).max(KB_LIMITS.tags);
/** Rich text as HTML; sanitised to the allowed set (see shared/modules/kb/services/kb-sanitize.ts) before it is stored. */
const body = z.string().min(1).max(KB_LIMITS.bodyChars).openapi({ description: 'HTML: p, br, strong, em, ul, ol, li, h2–h4, blockquote, code, pre, a[href], img[src, alt]; anything else is removed' });

export const KbArticleSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    title: z.string(),
    body: z.string().openapi({ description: 'Sanitised HTML' }),
    category: z.string(),
    tags: z.array(z.string()),
    language,
    visibility: z.enum(KB_VISIBILITIES),
    status: z.enum(KB_STATUSES),
    helpfulYes: z.number().int(),
    helpfulNo: z.number().int(),
    publishedAt: z.string().optional().openapi({ description: 'When the article was first published' }),
  })
  .extend(VersionedSchema.shape)
  .openapi('KbArticle');
export type KbArticle = z.infer<typeof KbArticleSchema>;

export const KbArticleCreateSchema = z
  .object({
    title: text(KB_LIMITS.titleChars),
    body,
    category,
    tags: tags.default([]),
    language,
    visibility: z.enum(KB_VISIBILITIES).default('public'),
    status: z.enum(KB_STATUSES).default('draft'),
    slug: slug.optional().openapi({ description: 'Unique per language; derived from the title when left out' }),
  })
  .strict()
  .openapi('KbArticleCreate');
export type KbArticleCreate = z.infer<typeof KbArticleCreateSchema>;

/** The language is the article's identity (its slug and terms are per language): a translation is another article. */
export const KbArticlePatchSchema = z
  .object({
    title: text(KB_LIMITS.titleChars).optional(),
    body: body.optional(),
    category: category.optional(),
    tags: tags.optional(),
    visibility: z.enum(KB_VISIBILITIES).optional(),
    status: z.enum(KB_STATUSES).optional(),
    slug: slug.optional(),
    version: z.number().int().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).some((k) => k !== 'version'), { message: 'Nothing to change' })
  .openapi('KbArticlePatch');
export type KbArticlePatch = z.infer<typeof KbArticlePatchSchema>;

const langParam = { param: { name: 'lang', in: 'query' } } as const;

export const KbListQuerySchema = z.object({
  lang: language.optional().openapi(langParam),
  category: text(KB_LIMITS.categoryChars).optional().openapi({ param: { name: 'category', in: 'query' }, description: 'A category name or key' }),
  status: z.enum(KB_STATUSES).optional().openapi({ param: { name: 'status', in: 'query' }, description: 'Staff only; others see published articles' }),
});

export const KbLanguageQuerySchema = z.object({ lang: language.openapi(langParam) });

export const KbSearchQuerySchema = z.object({
  // Not trimmed: a space after the last word says the word is finished (matched whole, not as a prefix).
  q: z
    .string()
    .max(KB_LIMITS.queryChars)
    .refine((value) => value.trim() !== '', { message: 'Type at least one word' })
    .openapi({ param: { name: 'q', in: 'query' }, example: 'pengiriman terlambat' }),
  lang: language.openapi(langParam),
  limit: z.coerce.number().int().min(1).max(KB_LIMITS.searchResults).default(5).openapi({ param: { name: 'limit', in: 'query' } }),
});

export const KbSlugParamSchema = z.object({
  slug: slug.openapi({ param: { name: 'slug', in: 'path' } }),
});

export const KbSearchHitSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    title: z.string(),
    category: z.string(),
    language,
    snippet: z.string().openapi({ description: 'The start of the article as plain text' }),
  })
  .openapi('KbSearchHit');
export type KbSearchHit = z.infer<typeof KbSearchHitSchema>;

export const KbCategorySchema = z
  .object({
    key: z.string().openapi({ description: 'Pass as `category` to GET /kb/articles', example: 'pengiriman' }),
    name: z.string(),
    articleCount: z.number().int(),
  })
  .openapi('KbCategory');
export type KbCategory = z.infer<typeof KbCategorySchema>;

export const KbFeedbackSchema = z.object({ helpful: z.boolean() }).strict().openapi('KbFeedback');

export const KbFeedbackResultSchema = z
  .object({ id: z.string(), helpfulYes: z.number().int(), helpfulNo: z.number().int() })
  .openapi('KbFeedbackResult');
export type KbFeedbackResult = z.infer<typeof KbFeedbackResultSchema>;
