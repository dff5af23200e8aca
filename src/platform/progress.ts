/**
 * A terminal progress bar for long jobs (seed, generate, import). Quiet when stderr is not a TTY,
 * except for one line per phase so CI logs still show progress.
 */
import cliProgress from 'cli-progress';

export interface ProgressEvent {
  phase: string;
  done: number;
  total: number;
}

export function progressReporter(): { update(p: ProgressEvent): void; stop(): void } {
  const tty = process.stderr.isTTY;
  let bar: cliProgress.SingleBar | null = null;
  let phase = '';
  return {
    update(p) {
      if (p.phase !== phase) {
        bar?.stop();
        phase = p.phase;
        if (tty) {
          bar = new cliProgress.SingleBar(
            {
              format: `${p.phase.padEnd(16)} [{bar}] {percentage}% {value}/{total} eta {eta}s`,
              stream: process.stderr,
              hideCursor: true,
            },
            cliProgress.Presets.shades_classic,
          );
          bar.start(p.total, 0);
        } else {
          process.stderr.write(`${p.phase}: ${p.total} …\n`);
        }
      }
      bar?.setTotal(p.total);
      bar?.update(p.done);
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}
