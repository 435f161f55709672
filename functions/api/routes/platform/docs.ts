import { html, raw } from 'hono/html';

import type { OpenAPIObject, OperationObject, ParameterObject } from 'openapi3-ts/oas31';

type Operation = Omit<OperationObject, 'parameters'> & { parameters?: ParameterObject[] };

/** A readable, dependency-free reference page generated from the OpenAPI document. */
export function renderDocs(doc: OpenAPIObject) {
  const byTag = new Map<string, { method: string; path: string; op: Operation }[]>();
  for (const [path, methods] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(methods as Record<string, Operation>)) {
      const tag = op.tags?.[0] ?? 'Other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), { method: method.toUpperCase(), path, op }]);
    }
  }
  const sections = [...byTag].map(
    ([tag, ops]) => html`<section><h2 id="${tag.toLowerCase()}">${tag}</h2>
      ${ops.map(
        ({ method, path, op }) => html`<article>
          <h3><code class="m ${method.toLowerCase()}">${method}</code> <code>/api/v1${path}</code></h3>
          <p>${op.summary ?? ''}</p>
          ${op.parameters?.length ? html`<p>Parameters: ${op.parameters.map((p) => html`<code>${p.name}</code> (${p.in}${p.required ? ', required' : ''}) `)}</p>` : ''}
          <p>Answers: ${Object.entries(op.responses ?? {}).filter(([code]) => Number(code) < 400).map(([code, r]) => html`<code>${code}</code> ${r.description ?? ''} `)}</p>
        </article>`,
      )}</section>`,
  );
  return html`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${doc.info.title} reference</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d2733}code{background:#f1f4f8;padding:.1rem .3rem;border-radius:4px}.m{font-weight:700}.get{color:#0a6d3b}.post{color:#0b57a4}.patch,.put{color:#8a5a00}.delete{color:#a4161a}article{border-bottom:1px solid #e3e8ef;padding:.5rem 0}</style>
</head><body><h1>${doc.info.title}</h1><p>${doc.info.description ?? ''}</p>
<p>Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1). Error codes: 400 validation_failed · 401 unauthenticated · 403 forbidden · 404 not_found · 409 version_conflict · 413 payload_too_large · 415 unsupported_media_type · 422 business rule · 428 precondition_required · 429 too_many_attempts.</p>
<nav>${[...byTag.keys()].map((tag) => html`<a href="#${tag.toLowerCase()}">${tag}</a> · `)}</nav>
${raw('')}${sections}</body></html>`;
}
