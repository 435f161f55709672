import { execFile } from 'node:child_process';

// unpdf's PDF.js build is an ES module, which Jest's CommonJS runtime cannot import: a child
// Node reads the PDF instead and prints its text.
const READ = `
const { extractText, getDocumentProxy } = require(process.argv[1]);
const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', async () => {
  const pdf = await getDocumentProxy(new Uint8Array(Buffer.concat(chunks)));
  const { text } = await extractText(pdf, { mergePages: true });
  process.stdout.write(text);
});`;

/** The text a reader sees in a PDF, with every run of spaces (no-break ones too) as one space. */
export function pdfText(bytes: Uint8Array): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, ['-e', READ, require.resolve('unpdf')], { maxBuffer: 10_000_000 }, (error, stdout) => (error ? reject(error) : resolve(stdout.replace(/[\s\u00a0\u202f]+/g, ' '))));
    child.stdin!.end(Buffer.from(bytes));
  });
}
