import { contentKey } from './content-key';

describe('contentKey', () => {
  it('is stable, ignores key order and undefined fields, and tells different content apart', () => {
    const a = contentKey({ points: [[1, 'adopted', '同意']], summary: null });
    expect(a).toMatch(/^[0-9a-f]{14}$/);
    expect(contentKey({ summary: null, points: [[1, 'adopted', '同意']], extra: undefined })).toBe(a);
    expect(contentKey({ points: [[1, 'adopted', '同意 ']], summary: null })).not.toBe(a);
    expect(contentKey({ points: [[1, 'adopted', '同意']], summary: '' })).not.toBe(a);
    expect(contentKey('<script>\u0000</script>')).not.toBe(contentKey('<script></script>'));
  });
});
