import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import S3rver from 's3rver';
import { LOCAL_HOST } from './http-server';

export type S3Local = { endpoint: string; port: number; bucket: string; stop(): Promise<void> };

/**
 * The portals upload attachments straight to the bucket with presigned PUTs, so the bucket
 * answers CORS preflights. Locally any origin: the portals' ports can be moved.
 */
const CORS = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;

/**
 * Starts s3rver in this process with the attachments bucket. With `path` the objects persist
 * there; without, they live in a temporary folder removed on stop (s3rver has no memory store).
 */
export async function startS3Local(options: { port: number; bucket: string; path?: string }): Promise<S3Local> {
  const directory = options.path ? resolve(options.path) : mkdtempSync(join(tmpdir(), 'relasi-s3-'));
  mkdirSync(directory, { recursive: true });
  const server = new S3rver({
    address: LOCAL_HOST,
    port: options.port,
    silent: true,
    directory,
    configureBuckets: [{ name: options.bucket, configs: [CORS] }],
  });
  const address = await server.run();
  return {
    endpoint: `http://${LOCAL_HOST}:${address.port}`,
    port: address.port,
    bucket: options.bucket,
    stop: async () => {
      await server.close();
      if (!options.path) rmSync(directory, { recursive: true, force: true });
    },
  };
}
