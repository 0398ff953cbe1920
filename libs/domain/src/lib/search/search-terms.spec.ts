import {
  SEARCH_WORD_MAX_LENGTH,
  SIMILARITY_TERMS_MAX,
  proposalSearchTerms,
  searchTerms,
  similarityTerms,
} from './search-terms';

/** What search would decide: every query term is among the document's terms. */
const matches = (document: string, query: string) => {
  const index = new Set(searchTerms(document));
  const wanted = searchTerms(query);
  return wanted.length > 0 && wanted.every((t) => index.has(t));
};

describe('searchTerms: CJK bigrams and lowercased words', () => {
  it('turns a run of Chinese characters into overlapping bigrams', () => {
    expect(searchTerms('数字经济')).toEqual(['数字', '字经', '经济']);
  });

  it('keeps a lone Chinese character as itself', () => {
    expect(searchTerms('水')).toEqual(['水']);
    expect(searchTerms('关于“水”的建议')).toEqual(['关于', '水', '的建', '建议']);
  });

  it('splits at punctuation, Chinese and ASCII alike, so no bigram spans it', () => {
    expect(searchTerms('教育，医疗。养老、就业；（住房）')).toEqual(['教育', '医疗', '养老', '就业', '住房']);
    expect(searchTerms('教育 医疗')).toEqual(['教育', '医疗']);
  });

  it('makes Latin letters and digits lowercased words, also between Chinese characters', () => {
    expect(searchTerms('加快5G基站建设')).toEqual(['加快', '5g', '基站', '站建', '建设']);
    expect(searchTerms('Smart City 2.0 与 AI')).toEqual(['smart', 'city', '2', '0', '与', 'ai']);
  });

  it('reads full-width letters and digits as ASCII', () => {
    expect(searchTerms('ＡＩ大模型２０２４')).toEqual(['ai', '大模', '模型', '2024']);
  });

  it('drops Latin accents, as both databases must agree', () => {
    expect(searchTerms('Café')).toEqual(['cafe']);
  });

  it('gives each term once, in order of first appearance', () => {
    expect(searchTerms('教育教育 AI ai')).toEqual(['教育', '育教', 'ai']);
  });

  it('finds nothing to search in punctuation, markup symbols or blanks', () => {
    expect(searchTerms('')).toEqual([]);
    expect(searchTerms(' ，。！？…—、%_*"\'<>/\\;')).toEqual([]);
  });

  it('keeps only words from SQL or markup, never its syntax', () => {
    expect(searchTerms(`'); DROP TABLE proposal; --`)).toEqual(['drop', 'table', 'proposal']);
    expect(searchTerms('<script>alert("x")</script>')).toEqual(['script', 'alert', 'x']);
    for (const t of searchTerms(`" OR 1=1 -- & | ! :* <->`)) expect(t).toMatch(/^[\p{L}\p{N}]+$/u);
  });

  it('cuts very long words, on documents and queries alike', () => {
    const long = 'a'.repeat(500);
    expect(searchTerms(long)).toEqual(['a'.repeat(SEARCH_WORD_MAX_LENGTH)]);
    expect(matches(`前缀${long}`, long)).toBe(true);
  });

  it('includes Japanese kana and Korean hangul in the bigram runs', () => {
    expect(searchTerms('データ')).toEqual(['デー', 'ータ']);
    expect(searchTerms('한국어')).toEqual(['한국', '국어']);
  });
});

describe('searching with the terms', () => {
  const document = '关于加快数字经济发展的提案：建议加快5G基站建设，培育数据要素市场。';

  it('finds a document by any phrase it contains', () => {
    expect(matches(document, '数字经济')).toBe(true);
    expect(matches(document, '5G基站')).toBe(true);
    expect(matches(document, '数据要素 市场')).toBe(true);
  });

  it('needs every term of the query (AND)', () => {
    expect(matches(document, '数字经济 教育')).toBe(false);
    expect(matches(document, '经济数字')).toBe(false);
  });

  it('does not match a query that has no terms', () => {
    expect(matches(document, '，。')).toBe(false);
  });
});

describe('proposalSearchTerms', () => {
  const registration = {
    title: '关于加快数字经济发展的提案',
    body: '正文',
    suggestionPoints: [{ seq: 1, text: '加快5G基站建设' }],
    proposers: [
      { name: '李明', lead: true },
      { name: '王芳', lead: false },
    ],
    sessionName: '市政协八届二次会议',
    number: '20230117',
  };

  it('indexes title, body, suggestion points, proposers, session and number', () => {
    const terms = proposalSearchTerms(registration).split(' ');
    expect(terms).toEqual(expect.arrayContaining(['数字', '正文', '基站', '5g', '李明', '王芳', '政协', '20230117']));
  });

  it('never joins the end of one field to the start of the next', () => {
    const terms = proposalSearchTerms(registration).split(' ');
    // title ends 提案, body starts 正文: 案正 would be a false bigram.
    expect(terms).not.toContain('案正');
    expect(terms).not.toContain('明王');
  });
});

describe('the terms a similar proposal is ranked by', () => {
  it('are the title’s and body’s terms, each once, the title’s first', () => {
    expect(similarityTerms({ title: '充电桩', body: '建设充电桩' })).toEqual(['充电', '电桩', '建设', '设充']);
  });

  it('are capped, keeping the title’s when the body is long', () => {
    const body = Array.from({ length: 500 }, (_, i) => `w${i}`).join(' ');
    const terms = similarityTerms({ title: '智慧停车', body });
    expect(terms).toHaveLength(SIMILARITY_TERMS_MAX);
    expect(terms.slice(0, 3)).toEqual(['智慧', '慧停', '停车']);
  });
});
