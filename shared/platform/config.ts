/**
 * Runtime configuration, read once from the environment on first use and frozen.
 * Locally `infra/local` sets the endpoints; in AWS the CDK sets TABLE_NAME and friends.
 */
export type Config = {
  stage: 'local' | 'test' | 'aws';
  region: string;
  tableName: string;
  /** DynamoDB endpoint override (DynamoDB Local); undefined in AWS. */
  dynamodbEndpoint?: string;
  /** SES v2 endpoint override (local mail catcher); undefined in AWS. */
  sesEndpoint?: string;
  /** S3 endpoint override (local s3rver, path-style); undefined in AWS. */
  s3Endpoint?: string;
  /** Bucket holding ticket attachments (`attachments/…`) and raw inbound mail (`inbound/…`). */
  attachmentsBucket: string;
  /** The address customers write to for support; inbound mail to it becomes tickets. */
  supportAddress: string;
  mailFrom: string;
  /** Secret for signing cursors and other server-issued values. */
  signingSecret: string;
  /** The secret the portals' CloudFront adds to API requests (EDGE_SECRET_HEADER); unset outside AWS, where no viewer address header is believed. */
  edgeSecret?: string;
  /** Public base URL of each portal, used in e-mail links and for the CSRF origin check. */
  portalUrls: Record<'staff' | 'customer' | 'partner' | 'investor', string>;
  /** Extra origins allowed to make cookie-authenticated writes (e.g. the API's own origin). */
  extraOrigins: string[];
  cookieSecure: boolean;
};

let cached: Config | undefined;

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Missing required environment variable ${name}`);
  return value;
}

function portalUrl(name: string, fallbackPort: number, stage: Config['stage']): string {
  const value = process.env[name];
  if (value) return value.replace(/\/$/, '');
  if (stage === 'aws') return required(name);
  return `http://localhost:${fallbackPort}`;
}

/** The configuration; fails fast on the first call when something required is missing. */
export function config(): Config {
  if (cached) return cached;
  const stage = (process.env.RELASI_STAGE ?? 'local') as Config['stage'];
  const isAws = stage === 'aws';
  cached = Object.freeze({
    stage,
    region: process.env.AWS_REGION ?? 'ap-southeast-3',
    tableName: process.env.TABLE_NAME ?? 'relasi',
    dynamodbEndpoint: process.env.DYNAMODB_ENDPOINT || undefined,
    sesEndpoint: process.env.SES_ENDPOINT || undefined,
    s3Endpoint: process.env.S3_ENDPOINT || undefined,
    attachmentsBucket: isAws ? required('ATTACHMENTS_BUCKET') : (process.env.ATTACHMENTS_BUCKET ?? 'relasi-attachments'),
    supportAddress: isAws ? required('SUPPORT_ADDRESS') : (process.env.SUPPORT_ADDRESS ?? 'support@kaktus.example'),
    mailFrom: process.env.MAIL_FROM ?? 'Relasi <no-reply@kaktus.example>',
    signingSecret: isAws ? required('SIGNING_SECRET') : (process.env.SIGNING_SECRET ?? 'relasi-local-signing-secret'),
    edgeSecret: process.env.EDGE_SECRET || undefined,
    portalUrls: {
      staff: portalUrl('STAFF_URL', Number(process.env.STAFF_PORT ?? 4000), stage),
      customer: portalUrl('CUSTOMER_URL', Number(process.env.CUSTOMER_PORT ?? 4001), stage),
      partner: portalUrl('PARTNER_URL', Number(process.env.PARTNER_PORT ?? 4002), stage),
      investor: portalUrl('INVESTOR_URL', Number(process.env.INVESTOR_PORT ?? 4003), stage),
    },
    extraOrigins: (process.env.EXTRA_ORIGINS ?? `http://localhost:${process.env.PORT ?? 3000}`)
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    cookieSecure: process.env.COOKIE_SECURE ? process.env.COOKIE_SECURE === 'true' : isAws,
  });
  return cached;
}

/** The log levels Powertools knows, most verbose first. */
export const LOG_LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'CRITICAL', 'SILENT'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * The log level: LOG_LEVEL when set, else SILENT under the tests (the failures they provoke on
 * purpose would bury jest's report; `LOG_LEVEL=DEBUG npx jest …` shows them) and INFO elsewhere.
 * Apart from config() because the logger is built on import, before `npm start` has set the
 * endpoints that config() caches.
 */
export function logLevel(): LogLevel {
  const wanted = process.env.LOG_LEVEL;
  if (!wanted) return process.env.RELASI_STAGE === 'test' ? 'SILENT' : 'INFO';
  return parseLogLevel(wanted);
}

/** A log level named in any case (LOG_LEVEL, the CDK's `logLevel` context); an unknown name fails at once. */
export function parseLogLevel(name: string): LogLevel {
  const level = LOG_LEVELS.find((l) => l === name.toUpperCase());
  if (!level) throw new Error(`A log level is one of ${LOG_LEVELS.join(', ')}, not ${name}`);
  return level;
}

/** Forget the cached configuration (tests that start servers with other env). */
export function resetConfigForTests(): void {
  cached = undefined;
}
