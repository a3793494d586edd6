import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/core/text/normalize.js';

const words = (text: string) => tokenize(text).tokens;

describe('normalisation for matching', () => {
  it('folds case, quotes, dashes, ellipsis and non-breaking spaces, and drops punctuation', () => {
    expect(words('“What exactly they’re doing — left to be seen,” Austin said…')).toEqual(
      words('"WHAT exactly they\'re doing - left to be seen," austin said...'),
    );
    expect(words('US\u00a0troops—in  Kursk')).toEqual(['us', 'troops', 'in', 'kursk']);
  });

  it('applies NFKC: full-width letters and ligatures match their plain forms', () => {
    expect(words('Ｓｅｏｕｌ ﬁnance')).toEqual(['seoul', 'finance']);
    expect(words('café')).toEqual(words('cafe\u0301'));
  });

  it('joins apostrophes inside words and separators inside numbers', () => {
    expect(words("there's soldiers' 10,000 troops and 2.5 million")).toEqual(['theres', 'soldiers', '10000', 'troops', 'and', '25', 'million']);
    expect(words('10,000')).toEqual(words('10000'));
  });

  it('case-folds beyond lower-casing (ß, final sigma)', () => {
    expect(words('STRASSE')).toEqual(words('straße'));
    expect(words('ΟΔΟΣ')).toEqual(words('οδος'));
  });

  it('keeps letters of any script: Urdu and Arabic words survive with their marks', () => {
    expect(words('بنگلہ دیش نے، 5 میچوں کی سیریز۔')).toEqual(['بنگلہ', 'دیش', 'نے', '5', 'میچوں', 'کی', 'سیریز']);
    expect(words('مُحَمَّد')).toEqual(['مُحَمَّد']);
  });

  it('keeps a word written with a zero-width non-joiner as one word', () => {
    expect(words('می\u200cخواهم')).toEqual(['میخواهم']);
  });

  it('removes zero-width characters and soft hyphens in plain English text too', () => {
    expect(words('pass\u200bword inter\u00adnational here')).toEqual(['password', 'international', 'here']);
  });

  it('falls back to characters for scripts written without spaces', () => {
    const chinese = tokenize('朝鲜向俄罗斯派兵。');
    expect(chinese.unspaced).toBe(true);
    expect(chinese.tokens).toEqual(['朝', '鲜', '向', '俄', '罗', '斯', '派', '兵']);
    expect(tokenize('ทหารเกาหลีเหนือ').unspaced).toBe(true);
    const mixed = tokenize('Kim 金正恩 said');
    expect(mixed.tokens).toEqual(['kim', '金', '正', '恩', 'said']);
    expect(tokenize('Korean troops').unspaced).toBe(false);
  });

  it('gives no tokens for punctuation-only text', () => {
    expect(words('<')).toEqual([]);
    expect(words(' - * - ')).toEqual([]);
  });
});
