// Prints the gzipped JavaScript each page of a built portal loads (islands, renderer and
// their static imports, plus inline scripts) and fails when one exceeds the budget.
// Usage: node portals/ui/scripts/js-budget.mjs portals/staff/dist [budgetKB=50]
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = resolve(process.argv[2] ?? 'dist');
const budget = Number(process.argv[3] ?? 50) * 1024;

function htmlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

function collect(file, seen) {
  if (seen.has(file)) return;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const match of code.matchAll(/(?:from|import)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) {
    collect(resolve(dirname(file), match[1]), seen);
  }
}

let failed = false;
for (const page of htmlFiles(dist).sort()) {
  const html = readFileSync(page, 'utf8');
  const files = new Set();
  for (const match of html.matchAll(/(?:component-url|renderer-url|src)="(\/_astro\/[^"]+\.js)"/g)) {
    collect(join(dist, match[1]), files);
  }
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('');
  const bytes = [...files].reduce((sum, file) => sum + gzipSync(readFileSync(file)).length, 0) + (inline ? gzipSync(inline).length : 0);
  const over = bytes > budget;
  failed ||= over;
  console.log(`${over ? 'OVER' : 'ok  '} ${(bytes / 1024).toFixed(1).padStart(6)} KB  ${relative(dist, page)}`);
}
process.exit(failed ? 1 : 0);
