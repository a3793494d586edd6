/**
 * Text written into a regular expression as itself: an agency's name given with --agency
 * (scan/provenance.ts) and a stored name looked up with the articles `check --add` stored
 * beside it (store/index-store.ts).
 */
export function literally(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
