/**
 * The words the reports use for the report's codes (edit kinds, story-level calls), in one
 * place: the text report (human.ts) reads them here, and the HTML page's script (html-page.ts)
 * is given the same tables, so a kind added to the schema is named once (review: the two lists
 * had been kept by hand, and the page's fell behind).
 */
import type { EditKind, ReuseCall } from '../core/types.js';

export const EDIT_NAMES: Record<EditKind, string> = {
  'words-substituted': 'words substituted',
  'sentence-dropped': 'sentence dropped',
  'sentence-added': 'sentence added',
  'sentence-moved': 'sentence moved',
  'paragraphs-merged': 'paragraphs merged',
  'paragraph-split': 'paragraph split',
  'paragraphs-moved': 'paragraphs moved',
  'trimmed-from-bottom': 'trimmed from the bottom',
  'new-lede': 'new lede',
  'quote-added': 'quote added',
  'paragraphs-reworded': 'paragraphs reworded',
  'dateline-dropped': 'dateline dropped',
  'dateline-replaced': 'dateline replaced by its own',
  'credit-dropped': 'agency credit dropped',
};

export const CALL_NAMES: Record<ReuseCall, string> = { derived: 'derived', 'partly-derived': 'partly derived', 'not-derived': 'not derived' };
