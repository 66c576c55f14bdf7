import { markTerms, searchTerms } from './search-terms';

describe('searchTerms', () => {
  it('keeps words and phrases, drops excluded terms and "or"', () => {
    expect(searchTerms('Budget "next week" -draft or plan -"old plan"')).toEqual(['budget', 'next week', 'plan']);
    expect(searchTerms('   ')).toEqual([]);
  });
});

describe('markTerms', () => {
  it('marks every occurrence, case-insensitively, longest term first', () => {
    expect(markTerms('Budget for the budgets, next week', ['budget', 'next week', 'next'])).toEqual([
      { text: 'Budget', marked: true },
      { text: ' for the ', marked: false },
      { text: 'budget', marked: true },
      { text: 's, ', marked: false },
      { text: 'next week', marked: true },
    ]);
  });

  it('treats terms as text, not patterns', () => {
    expect(markTerms('a+b (c)', ['a+b', '(c)']).filter((part) => part.marked).map((part) => part.text)).toEqual(['a+b', '(c)']);
  });

  it('leaves text without terms as it is', () => {
    expect(markTerms('hello', [])).toEqual([{ text: 'hello', marked: false }]);
  });
});
