/** One figure per line, exactly `name: value unit`, on stdout; everything else goes to stderr. */
export function figure(name: string, value: number | string, unit: string, digits = 2): void {
  const text = typeof value === 'number' ? value.toFixed(digits) : value;
  process.stdout.write(`${name}: ${text} ${unit}\n`);
}

/** Progress and context for whoever watches the run (stderr, so stdout stays machine-readable). */
export function note(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}
