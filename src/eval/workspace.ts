/**
 * A temporary folder (under os.tmpdir()) for converted corpus files. Corpus text is never
 * written into the repository: the corpora's terms allow research use, not redistribution.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export class Workspace {
  readonly dir: string;
  private removed = false;

  constructor(prefix = 'dedupe-eval-') {
    this.dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  }

  /** Writes UTF-8 text at a relative path (folders created as needed); returns that path. */
  write(relative: string, text: string): string {
    const file = path.join(this.dir, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text, 'utf8');
    return relative;
  }

  remove(): void {
    if (this.removed) return;
    this.removed = true;
    rmSync(this.dir, { recursive: true, force: true });
  }
}
