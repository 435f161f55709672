import { z } from '@hono/zod-openapi';
import { IdParamSchema, text } from '../../../platform/schemas/common.schema';
import { ATTACHMENT_CONTENT_TYPES, type AttachmentContentType } from '../domain/service-vocabulary';

export { ATTACHMENT_CONTENT_TYPES, type AttachmentContentType };


/** The largest file a ticket takes: 10 MB. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** The most files one message references. */
export const MAX_ATTACHMENTS_PER_MESSAGE = 10;

/**
 * An upload to announce. Size and type are checked by the service, not here, so that a file
 * too large answers 413 `attachment_too_large` and a type outside the list 415
 * `attachment_type_not_allowed` rather than a generic 400.
 */
export const AttachmentUploadCreateSchema = z
  .object({
    name: text(255).openapi({ example: 'kemasan-rusak.png' }),
    size: z.number().int().min(1).openapi({ description: `Bytes; at most ${MAX_ATTACHMENT_BYTES}` }),
    contentType: text(255).openapi({ example: 'image/png', description: `One of: ${ATTACHMENT_CONTENT_TYPES.join(', ')}` }),
  })
  .strict()
  .openapi('AttachmentUploadCreate');
export type AttachmentUploadCreate = z.infer<typeof AttachmentUploadCreateSchema>;

/** Where to PUT the file: send exactly these headers; the URL works for five minutes. */
export const AttachmentUploadSchema = z
  .object({
    attachmentId: z.string(),
    uploadUrl: z.string().openapi({ description: 'Presigned S3 PUT URL' }),
    headers: z.record(z.string(), z.string()).openapi({ example: { 'content-type': 'image/png', 'content-length': '70' } }),
    expiresAt: z.string(),
  })
  .openapi('AttachmentUpload');
export type AttachmentUpload = z.infer<typeof AttachmentUploadSchema>;

/** The presigned download the 302 points to, also in the body for clients that do not follow redirects. */
export const AttachmentDownloadSchema = z
  .object({ url: z.string(), expiresAt: z.string() })
  .openapi('AttachmentDownload');

/** The 302's header: where the file is. */
export const AttachmentRedirectHeadersSchema = z.object({ location: z.string().openapi({ description: 'The presigned download URL' }) });

export const AttachmentParamSchema = IdParamSchema.extend({
  attachmentId: z.string().min(1).max(64).openapi({ param: { name: 'attachmentId', in: 'path' } }),
});

/** The attachment ids a new message references (uploaded first with POST /tickets/{id}/attachments). */
export const AttachmentIdsSchema = z.array(text(64)).max(MAX_ATTACHMENTS_PER_MESSAGE);
