import {
  docxParagraphs,
  expectLinesInOrder,
  pdfLines,
  readPdfs,
  requireLetterFonts,
  squash,
} from '../../test/read-back';
import { MARGINS_MM, PT_PER_MM } from './letter-layout';
import { renderDocumentDocx } from './render-letter-docx';
import { renderDocumentPdf } from './render-letter-pdf';
import {
  circularDocument,
  documentContentHash,
  proposalNoticeDocument,
  type CircularFacts,
  type ProposalNoticeFacts,
} from './supervision-documents';

const reminder: ProposalNoticeFacts = {
  kind: 'reminder',
  documentNumber: '催办〔2026〕12号',
  issuerName: 'X市人民政府办公室',
  addresseeName: 'X市交通运输局',
  documentWord: '提案',
  sessionName: '市政协八届二次会议',
  proposalNumber: '0042',
  proposalTitle: '关于加快城市公交线网优化的提案',
  tasks: [
    { what: '答复', dueOn: '2026-03-05', workingDays: { overdue: 3 } },
    { what: '会办意见', dueOn: '2026-03-20', workingDays: { left: 7 } },
  ],
  message: '该件已逾期，请于本周内报送答复。',
  issuedOn: '2026-03-10',
};

const circular: CircularFacts = {
  kind: 'circular',
  documentNumber: '督办通报〔2026〕1号',
  issuerName: 'X市人民政府办公室',
  from: '2026-01-01',
  to: '2026-03-31',
  units: [
    { unitName: 'X市交通运输局', overdue: 3, workingDaysHeldUp: 12, reminderNotices: 2 },
    { unitName: 'X市住房和城乡建设局', overdue: 1, workingDaysHeldUp: 4, reminderNotices: 0 },
  ],
  issuedOn: '2026-04-02',
};

describe('supervision documents', () => {
  it('writes a 催办单: addressee, proposal, each task with its deadline and days, the note, issuer and date', () => {
    const doc = proposalNoticeDocument(reminder);
    expect(doc.title).toBe('关于市政协八届二次会议第0042号提案的催办单');
    expect(doc.blocks.map((b) => b.text)).toEqual([
      'X市人民政府办公室',
      '催办〔2026〕12号',
      '关于市政协八届二次会议第0042号提案的催办单',
      'X市交通运输局：',
      '贵单位承办的市政协八届二次会议第0042号提案《关于加快城市公交线网优化的提案》，下列事项尚未办结：',
      '（一）答复，办理期限2026年3月5日，已逾期3个工作日。',
      '（二）会办意见，办理期限2026年3月20日，尚余7个工作日。',
      '催办意见：该件已逾期，请于本周内报送答复。',
      '请贵单位抓紧办理，确保按期办结。',
      'X市人民政府办公室',
      '2026年3月10日',
    ]);
  });

  it('writes a 督办通知单 with its stronger request, answered to the issuing office', () => {
    const doc = proposalNoticeDocument({
      ...reminder,
      kind: 'supervision-notice',
      documentNumber: '督办〔2026〕3号',
      message: null,
    });
    expect(doc.title).toBe('关于市政协八届二次会议第0042号提案的督办通知单');
    const text = doc.blocks.map((b) => b.text);
    expect(text).not.toContainEqual(expect.stringMatching(/^督办意见/));
    expect(text).toContain(
      '现予督办。请贵单位主要负责同志亲自过问，立即办理，并于收到本通知单后3个工作日内将办理进展及逾期原因书面报送我办。',
    );
  });

  it('writes a 督办通报 listing each unit with its late items, days held up and 催办, or says there is none', () => {
    const text = circularDocument(circular).blocks.map((b) => b.text);
    expect(text).toContain('（一）X市交通运输局：逾期事项3项，延误12个工作日，被催办2次。');
    expect(text).toContain('（二）X市住房和城乡建设局：逾期事项1项，延误4个工作日，被催办0次。');
    expect(circularDocument({ ...circular, units: [] }).blocks.map((b) => b.text)).toContain(
      '截至2026年4月2日，2026年1月1日至2026年3月31日交办的建议提案办理工作中，没有单位存在逾期事项。',
    );
  });

  it('hashes the text: the same facts the same hash, another number another', () => {
    const a = documentContentHash(proposalNoticeDocument(reminder));
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(documentContentHash(proposalNoticeDocument({ ...reminder }))).toBe(a);
    expect(documentContentHash(proposalNoticeDocument({ ...reminder, documentNumber: '催办〔2026〕13号' }))).not.toBe(
      a,
    );
  });

  it('renders as PDF in the letter layout: every line read back in order, inside the margins of GB/T 9704', async () => {
    const fonts = requireLetterFonts();
    const docs = [proposalNoticeDocument(reminder), circularDocument(circular)];
    const pdfs = await Promise.all(docs.map((d) => renderDocumentPdf(d, fonts)));
    const read = await readPdfs(pdfs);
    const A4_WIDTH = 595.28;
    docs.forEach((doc, i) => {
      // Page numbers (— 2 —) from the second page on, as in the letter; the rest is the document.
      const lines = pdfLines(read[i]).filter((l) => !/^— \d+ —$/.test(l.text));
      expect(pdfLines(read[i]).filter((l) => /^— \d+ —$/.test(l.text))).toHaveLength(read[i].length - 1);
      const text = lines.map((l) => l.text).join('\n');
      expect(squash(text)).toBe(squash(doc.blocks.map((b) => b.text).join('')));
      expectLinesInOrder(
        text,
        doc.blocks.map((b) => b.text),
      );
      for (const page of read[i]) expect(page.view).toEqual([0, 0, A4_WIDTH, 841.89]);
      for (const line of lines.slice(1)) {
        expect(line.x).toBeGreaterThanOrEqual(MARGINS_MM.left * PT_PER_MM - 0.5);
        expect(line.right).toBeLessThanOrEqual(A4_WIDTH - MARGINS_MM.right * PT_PER_MM + 0.5);
      }
    });
  }, 30_000);

  it('renders as DOCX, one paragraph per block', async () => {
    const doc = circularDocument(circular);
    const paragraphs = await docxParagraphs(await renderDocumentDocx(doc));
    expect(paragraphs.map(squash)).toEqual(doc.blocks.map((b) => squash(b.text)));
  });
});
