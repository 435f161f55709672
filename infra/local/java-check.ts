import { spawnSync } from 'node:child_process';

const MIN_JAVA = 17;

/** The major version of `java` on the PATH, or undefined when there is none. */
export function javaMajorVersion(): number | undefined {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return undefined;
  // `java -version` prints to stderr: `openjdk version "17.0.15"` or, for Java 8, `"1.8.0_392"`.
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
  if (!match?.[1]) return undefined;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major;
}

/** Why DynamoDB Local cannot start here and how to fix it, or undefined when Java 17+ is present. */
export function javaProblem(): string | undefined {
  const version = javaMajorVersion();
  if (version !== undefined && version >= MIN_JAVA) return undefined;
  const found = version === undefined ? 'no `java` on the PATH' : `Java ${version}`;
  return [
    `Relasi's local stack runs DynamoDB Local, which needs Java ${MIN_JAVA} or newer (found ${found}).`,
    'Install it, then run the command again:',
    '  Debian/Ubuntu: sudo apt-get install -y openjdk-17-jre-headless',
    '  macOS:         brew install openjdk@17   (then follow brew\'s note to put it on the PATH)',
    '  Windows:       winget install Microsoft.OpenJDK.17',
  ].join('\n');
}
