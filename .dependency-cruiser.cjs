/**
 * The dependency rules of DESIGN.md ("Layout": dependencies point one way), checked by
 * `npm run depcheck` and by `npm test`. Paths are relative to the repository root.
 *
 * The pure parts of the platform are the files below: rules, types and formats with no I/O,
 * no configuration and no AWS, so a module's domain/ and the portals may use them (among them
 * mail/mail-template.ts, the shape of a mail's text that each module's domain/ fills in). Everything
 * else in shared/platform (config, logger, db/, mail/, storage/, work/, crypto/, schemas/) is not
 * pure. A pure file may import only other pure files and the pure packages.
 *
 * dependency-cruiser reads .ts and .tsx but not .astro: test/unit/platform/source-rules.test.ts
 * holds the pages' frontmatter imports to the portal rules below, and keeps `console` out of the
 * app code.
 */
const PURE_PLATFORM = '^shared/platform/(access|clock|document-number|errors|locale|money|page|portal-edge|mail/mail-template)[.]ts$';
/** npm packages that only compute (no I/O), allowed in domain/ and in the pure platform parts. */
const PURE_PACKAGES = '(^|/)node_modules/(luxon)/';
const DOMAIN = '^shared/modules/[^/]+/domain/';
const ANY_DB = '^shared/(modules/[^/]+|platform)/db/';
const HTTP_PACKAGES = '(^|/)node_modules/(hono|@hono/[^/]+)/';
const AWS_SDK = '(^|/)node_modules/@aws-sdk/';
const ELECTRODB = '(^|/)node_modules/electrodb/';
const SCHEMAS = '^shared/(modules/[^/]+|platform)/schemas/';

/** A forbidden arrow: every rule here fails the check. */
const forbid = (name, comment, from, to) => ({ name, severity: 'error', comment, from, to });

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    forbid('no-circular', 'No import cycles (type-only imports included: they tie the modules together just the same).', {}, { circular: true }),
    forbid(
      'domain-is-pure',
      "A module's domain/ imports nothing but the platform's pure parts, other modules' domain/ and the pure packages.",
      { path: DOMAIN },
      { pathNot: [DOMAIN, PURE_PLATFORM, PURE_PACKAGES] },
    ),
    forbid(
      'pure-platform-is-pure',
      'The pure parts of the platform stay pure: no I/O, configuration, module or package beyond the pure ones.',
      { path: PURE_PLATFORM },
      { pathNot: [PURE_PLATFORM, PURE_PACKAGES] },
    ),
    forbid('platform-knows-no-module', 'shared/platform is what every module stands on: it imports no module.', { path: '^shared/platform/' }, { path: '^shared/modules/' }),
    forbid(
      'db-not-schemas-services-http',
      'db/ (entities, repositories) never imports schemas/, services/ or HTTP.',
      { path: ANY_DB },
      { path: [SCHEMAS, '^shared/(modules/[^/]+|platform)/services/', '^functions/', HTTP_PACKAGES] },
    ),
    forbid(
      'schemas-are-contract-only',
      'schemas/ is the API contract the portals reuse, so it reaches no db/, services/ or AWS SDK.',
      { path: SCHEMAS },
      { path: ['^shared/(modules/[^/]+|platform)/(db|services)/', AWS_SDK] },
    ),
    forbid(
      'shared-not-to-outside',
      'Nothing in shared/ imports functions/, portals/ (or infra/, test/, bench/, which stand on it).',
      { path: '^shared/' },
      { path: '^(functions|portals|infra|test|bench)/' },
    ),
    forbid('functions-only-shared', 'functions → shared: never portals/, infra/, test/ or bench/.', { path: '^functions/' }, { path: '^(portals|infra|test|bench)/' }),
    forbid(
      'routes-translate-http-only',
      'Route files translate HTTP only: they call services, never a db/ or the AWS SDK themselves.',
      { path: '^functions/api/routes/' },
      { path: [ANY_DB, AWS_SDK, ELECTRODB] },
    ),
    forbid(
      'infra-not-portal-code',
      "infra → functions, shared: it serves the portals' built output, never imports their code (nor tests or bench).",
      { path: '^infra/' },
      { path: '^(portals|test|bench)/' },
    ),
    forbid(
      'portals-contract-only',
      "Portals → portals/ui, shared schemas/ and domain/, and the platform's pure parts.",
      { path: '^portals/' },
      { path: '^(shared|functions|infra|test|bench)/', pathNot: [SCHEMAS, DOMAIN, PURE_PLATFORM] },
    ),
    forbid(
      'portals-no-db-no-aws-sdk',
      'Portals never reach any db/ or the AWS SDK, not even through a shared file they import.',
      { path: '^portals/' },
      { path: [ANY_DB, AWS_SDK, ELECTRODB], reachable: true },
    ),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Build output and data, never the packages' own dist/ (hono's types live there).
    exclude: { path: '^(cdk[.]out|[.]data|[.]test-results|bench/[.]out|portals/[^/]+/(dist|[.]astro))/' },
    // Type-only imports count: a domain file importing a db/ row type still points the wrong way.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // The portals' workspace packages (@relasi/ui/*) resolve through their symlinks and `exports`.
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
