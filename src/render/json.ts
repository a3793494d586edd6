/** The machine-readable report: `Report` as JSON, one document, newline-terminated. */
import type { Report } from '../core/types.js';

export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
