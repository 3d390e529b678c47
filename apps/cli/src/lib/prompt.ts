import { createInterface } from 'node:readline/promises';

/** Asks a question on the terminal; `hidden` keeps passwords off the screen. */
export async function ask(question: string, options: { hidden?: boolean; defaultValue?: string } = {}): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const writeOriginal = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput.bind(rl);
  if (options.hidden) {
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
      writeOriginal(s.startsWith(question) ? question : s.replace(/[^\r\n]/g, ''));
    };
  }
  try {
    const suffix = options.defaultValue ? ` [${options.defaultValue}]` : '';
    const answer = (await rl.question(`${question}${suffix}: `)).trim();
    if (options.hidden) process.stdout.write('\n');
    return answer || options.defaultValue || '';
  } finally {
    rl.close();
  }
}
