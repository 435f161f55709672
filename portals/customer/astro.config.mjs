import solid from '@astrojs/solid-js';
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';

// Static pages served by the local server (and CloudFront in AWS); /api/v1 is same-origin.
export default defineConfig({
  output: 'static',
  integrations: [solid()],
  build: { format: 'directory' },
  trailingSlash: 'always',
  devToolbar: { enabled: false },
  // The shared design system lives in portals/ui, outside this site's root.
  vite: { server: { fs: { allow: [fileURLToPath(new URL('../..', import.meta.url))] } } },
});
