/** Helpers for the bench scripts, which are both importable modules and `node <file>` commands. */
import { pathToFileURL } from 'node:url';

/** True when the module at `moduleUrl` is the file node was started with. */
export function isMainModule(moduleUrl: string): boolean {
  const started = process.argv[1];
  return started !== undefined && moduleUrl === pathToFileURL(started).href;
}

/**
 * Runs a script's `main` when the module at `moduleUrl` is the file node was started with: its
 * result is the exit code, and an error is one line on stderr under the script's `name`, exit 1.
 */
export function runScript(moduleUrl: string, name: string, main: (argv: string[]) => Promise<number> | number): void {
  if (!isMainModule(moduleUrl)) return;
  Promise.resolve()
    .then(() => main(process.argv.slice(2)))
    .then(
      (code) => (process.exitCode = code),
      (error: unknown) => {
        process.stderr.write(`${name}: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 1;
      },
    );
}
