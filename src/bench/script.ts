/** Helpers for the bench scripts, which are both importable modules and `node <file>` commands. */
import { pathToFileURL } from 'node:url';

/** True when the module at `moduleUrl` is the file node was started with. */
export function isMainModule(moduleUrl: string): boolean {
  const started = process.argv[1];
  return started !== undefined && moduleUrl === pathToFileURL(started).href;
}
