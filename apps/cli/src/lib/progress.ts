/** Prints "step… done (N ms)" lines so long commands show where they are. */
export async function step<T>(label: string, work: () => Promise<T>, out: NodeJS.WritableStream = process.stdout): Promise<T> {
  out.write(`${label}… `);
  const started = performance.now();
  try {
    const result = await work();
    out.write(`done (${Math.round(performance.now() - started)} ms)\n`);
    return result;
  } catch (error) {
    out.write('failed\n');
    throw error;
  }
}

/** A one-line counter for loops over many items ("Scanning 120/3000"). */
export function counter(label: string, total: number, out: NodeJS.WriteStream = process.stdout) {
  let last = 0;
  return {
    tick(done: number) {
      const now = Date.now();
      if (done !== total && now - last < 200) return;
      last = now;
      const line = `${label} ${done}/${total}`;
      if (out.isTTY) out.write(`\r${line}`);
      else if (done === total || done % Math.max(1, Math.floor(total / 10)) === 0) out.write(`${line}\n`);
      if (done === total && out.isTTY) out.write('\n');
    },
  };
}
