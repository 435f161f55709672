import type { S3Client } from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import { config } from '../config';

/** The bucket's layout: ticket files under one prefix, raw inbound mail (written by SES) under another, CSV exports under a third. */
export const BUCKET_PREFIXES = { attachments: 'attachments/', inboundMail: 'inbound/', exports: 'exports/' } as const;

type S3Sdk = typeof import('@aws-sdk/client-s3');
type Storage = { sdk: S3Sdk; client: S3Client; bucket: string };

let storage: Promise<Storage> | undefined;

/**
 * The S3 SDK and client, imported on first use: most API requests never touch a file, so
 * neither the cold start nor the read path parses the SDK (it ships beside the API bundle,
 * functions/api/lazy-modules.ts).
 */
function storageOnce(): Promise<Storage> {
  storage ??= import('@aws-sdk/client-s3').then((sdk) => {
    const { region, s3Endpoint, attachmentsBucket } = config();
    const client = new sdk.S3Client({
      region,
      // Local s3rver: path-style addressing (no bucket subdomains on 127.0.0.1) and its built-in static key.
      ...(s3Endpoint ? { endpoint: s3Endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } } : {}),
      // By default the SDK signs a CRC32 of the (empty) body into presigned PUTs, so every real upload would fail its checksum.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3,
    });
    return { sdk, client, bucket: attachmentsBucket };
  });
  return storage;
}

/** A presigned URL and when it stops working. */
export type SignedUrl = { url: string; expiresAt: string };

/** What a browser must send with a presigned PUT: the signature covers these headers. */
export type SignedUpload = SignedUrl & { headers: Record<string, string> };

type PresignableCommand = InstanceType<S3Sdk['PutObjectCommand']> | InstanceType<S3Sdk['GetObjectCommand']>;

async function presign(command: PresignableCommand, seconds: number, signableHeaders?: Set<string>): Promise<SignedUrl> {
  const [{ client }, { getSignedUrl }] = await Promise.all([storageOnce(), import('@aws-sdk/s3-request-presigner')]);
  const expiresAt = new Date(Date.now() + seconds * 1000).toISOString();
  const url = await getSignedUrl(client, command, { expiresIn: seconds, ...(signableHeaders ? { signableHeaders } : {}) });
  return { url, expiresAt };
}

/** Object storage of the attachments bucket; the only module that talks to S3. */
export const objectStore = {
  /** A PUT URL for exactly this object: size and type are signed, so the upload cannot be larger or of another type. */
  async presignPut(key: string, contentType: string, size: number, seconds: number): Promise<SignedUpload> {
    const { sdk, bucket } = await storageOnce();
    const command = new sdk.PutObjectCommand({ Bucket: bucket, Key: key, ContentType: contentType, ContentLength: size });
    const signed = await presign(command, seconds, new Set(['content-type', 'content-length']));
    return { ...signed, headers: { 'content-type': contentType, 'content-length': String(size) } };
  },

  /** A GET URL that downloads the object under `fileName` (never rendered inline by the browser). */
  async presignGet(key: string, fileName: string, contentType: string, seconds: number): Promise<SignedUrl> {
    const { sdk, bucket } = await storageOnce();
    const command = new sdk.GetObjectCommand({ Bucket: bucket, Key: key, ResponseContentDisposition: attachmentDisposition(fileName), ResponseContentType: contentType });
    return presign(command, seconds);
  },

  /** Store bytes the server already holds (attachments of inbound mail). */
  async put(key: string, body: Uint8Array, contentType: string): Promise<void> {
    const { sdk, client, bucket } = await storageOnce();
    await client.send(new sdk.PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType, ContentLength: body.byteLength }));
  },

  /**
   * Store a stream of unknown length (a CSV export) as it is produced: a multipart upload of
   * 5 MB parts, so memory holds one part, not the file.
   */
  async upload(key: string, body: Readable, contentType: string): Promise<void> {
    const [{ client, bucket }, { Upload }] = await Promise.all([storageOnce(), import('@aws-sdk/lib-storage')]);
    await new Upload({ client, params: { Bucket: bucket, Key: key, Body: body, ContentType: contentType } }).done();
  },

  /** The object's bytes (raw inbound mail). */
  async get(key: string): Promise<Buffer> {
    const { sdk, client, bucket } = await storageOnce();
    const { Body } = await client.send(new sdk.GetObjectCommand({ Bucket: bucket, Key: key }));
    if (!Body) throw new Error(`S3 object ${key} has no body`);
    return Buffer.from(await Body.transformToByteArray());
  },

  /** Copy an object within the bucket (bytes and metadata); false when nothing is stored under `sourceKey`. */
  async copy(sourceKey: string, targetKey: string): Promise<boolean> {
    const { sdk, client, bucket } = await storageOnce();
    try {
      await client.send(new sdk.CopyObjectCommand({ Bucket: bucket, Key: targetKey, CopySource: encodeURI(`${bucket}/${sourceKey}`) }));
      return true;
    } catch (error) {
      if (error instanceof sdk.NoSuchKey) return false;
      throw error;
    }
  },

  /** Remove an object (S3 answers the same whether or not it existed). */
  async delete(key: string): Promise<void> {
    const { sdk, client, bucket } = await storageOnce();
    await client.send(new sdk.DeleteObjectCommand({ Bucket: bucket, Key: key }));
  },

  /** The stored size of an object, or undefined when nothing was uploaded under the key. */
  async sizeOf(key: string): Promise<number | undefined> {
    const { sdk, client, bucket } = await storageOnce();
    try {
      const head = await client.send(new sdk.HeadObjectCommand({ Bucket: bucket, Key: key }));
      return head.ContentLength;
    } catch (error) {
      if (error instanceof sdk.NotFound) return undefined;
      throw error;
    }
  },
};

/** `attachment; filename="…"` with an ASCII fallback and the exact UTF-8 name (RFC 6266). */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
