// A fresh Node process as Lambda would start one: load the API bundle, invoke its handler
// once with an HTTP API (payload 2.0) event for GET /api/v1/health (one GetItem), and report
// times since this process's time origin (≈ its start) and the CPU time it used, as one JSON line.
// Usage: node bench/cold-start-child.cjs <bundle.cjs>   (env: DYNAMODB_ENDPOINT, TABLE_NAME, …)
const bundle = process.argv[2];
const { handler } = require(bundle);
const loadedMs = performance.now();

const path = '/api/v1/health';
const event = {
  version: '2.0',
  routeKey: '$default',
  rawPath: path,
  rawQueryString: '',
  headers: { accept: 'application/json', host: 'bench.local', 'user-agent': 'relasi-bench', 'x-forwarded-for': '127.0.0.1' },
  requestContext: {
    accountId: '000000000000',
    apiId: 'bench',
    domainName: 'bench.local',
    domainPrefix: 'bench',
    http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'relasi-bench' },
    requestId: 'bench',
    routeKey: '$default',
    stage: '$default',
    time: new Date().toUTCString(),
    timeEpoch: Date.now(),
  },
  isBase64Encoded: false,
};
const context = { functionName: 'relasi-api', awsRequestId: 'bench', getRemainingTimeInMillis: () => 30_000 };

Promise.resolve(handler(event, context)).then(
  (response) => {
    const respondedMs = performance.now();
    const { user, system } = process.cpuUsage();
    const cpuMs = (user + system) / 1000;
    process.stdout.write(`${JSON.stringify({ statusCode: response.statusCode, body: response.body, loadedMs, respondedMs, cpuMs })}\n`);
    process.exit(response.statusCode === 200 ? 0 : 1);
  },
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
