import solid from '@astrojs/solid-js';
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';

/**
 * The one Astro configuration of the four portals: static pages served by the local server (and
 * CloudFront in AWS), with /api/v1 same-origin.
 */
export function portalConfig() {
  return defineConfig({
    output: 'static',
    integrations: [solid()],
    build: { format: 'directory' },
    trailingSlash: 'always',
    devToolbar: { enabled: false },
    // The shared design system lives in portals/ui, outside each site's root.
    vite: { server: { fs: { allow: [fileURLToPath(new URL('../..', import.meta.url))] } } },
  });
}
