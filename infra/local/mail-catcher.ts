import sesLocal from 'aws-ses-v2-local';

export type MailCatcher = { url: string; port: number; stop(): Promise<void> };

/**
 * Starts aws-ses-v2-local in this process: the SES v2 endpoint the app sends through, with a
 * web view at `/` and the captured mail as JSON at `/store`. Its store is module state, so
 * one catcher per process.
 */
export async function startMailCatcher(options: { port: number; host?: string }): Promise<MailCatcher> {
  const server = await sesLocal({ host: options.host ?? '127.0.0.1', port: options.port });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
