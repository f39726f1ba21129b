/**
 * The live PyTorch oracle of `pnpm test:fuzz`: one `/usr/bin/python3
 * tools/golden/differential.py --serve` process, asked one case per line (JSON lines),
 * so that fast-check can shrink a failing case against real PyTorch.
 */
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { createInterface, type Interface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { DiffCase } from './generator.js';
import type { Expected } from './runner.js';

const SCRIPT = fileURLToPath(new URL('../../../../tools/golden/differential.py', import.meta.url));

/** The interpreter: DIFF_PYTHON, else Debian's `/usr/bin/python3` (where python3-torch installs). */
export const PYTHON = process.env.DIFF_PYTHON ?? '/usr/bin/python3';

/** Null when `PYTHON` can import torch, else why not. */
export function oracleUnavailable(): string | null {
  const r = spawnSync(PYTHON, ['-c', 'import torch; print(torch.__version__)'], { encoding: 'utf8' });
  if (r.error) return `${PYTHON}: ${r.error.message}`;
  if (r.status !== 0) return `${PYTHON} cannot import torch: ${(r.stderr || '').trim().split('\n').pop()}`;
  return null;
}

export class Oracle {
  private readonly lines: AsyncIterator<string>;
  private constructor(
    private readonly proc: ChildProcessWithoutNullStreams,
    rl: Interface,
    /** torch.__version__ of the oracle. */
    readonly version: string,
  ) {
    this.lines = rl[Symbol.asyncIterator]();
  }

  /** Starts the oracle and waits for its ready line. */
  static async start(): Promise<Oracle> {
    const proc = spawn(PYTHON, [SCRIPT, '--serve'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const rl = createInterface({ input: proc.stdout });
    const first = await rl[Symbol.asyncIterator]().next();
    if (first.done) throw new Error(`the PyTorch oracle did not start:\n${stderr}`);
    const ready = JSON.parse(first.value) as { ready: boolean; torch: string };
    const o = new Oracle(proc, rl, ready.torch);
    return o;
  }

  /** PyTorch's answer to a case. */
  async ask(c: DiffCase): Promise<Expected> {
    this.proc.stdin.write(`${JSON.stringify(c)}\n`);
    const line = await this.lines.next();
    if (line.done) throw new Error('the PyTorch oracle exited');
    const ans = JSON.parse(line.value) as { expected?: Expected; oracle_error?: string };
    if (ans.oracle_error !== undefined) throw new Error(`the oracle could not evaluate the case: ${ans.oracle_error}\n${JSON.stringify(c)}`);
    return ans.expected!;
  }

  close(): void {
    this.proc.stdin.end();
    this.proc.kill();
  }
}
