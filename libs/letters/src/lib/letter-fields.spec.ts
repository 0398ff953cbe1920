import { letterInput } from '../../test/letter-fixtures';
import { docxParagraphs, expectLinesInOrder, pdfLines, readPdfs, requireCjkFont } from '../../test/read-back';
import { buildReplyLetter } from './reply-letter';
import { renderLetterDocx } from './render-letter-docx';
import { renderLetterHtml } from './render-letter-html';
import { renderLetterPdf } from './render-letter-pdf';

// The per-letter fields in every rendering: the 附件 note between the closing and the
// signature, the letter's own 抄送 line in the 版记.
describe('a letter with attachments and its own copy list', () => {
  const letter = buildReplyLetter(
    letterInput({
      attachments: ['X市5G基站建设规划（2023—2025年）', '2023年基站建设进度表'],
      copyTo: ['市政府办公室', '市通信管理局'],
    }),
  );
  const expected = [
    letter.closing,
    '附件：1.X市5G基站建设规划（2023—2025年）',
    '2.2023年基站建设进度表',
    letter.signature,
    letter.date,
    '抄送：市政府办公室、市通信管理局。',
  ];

  it('prints them in the PDF', async () => {
    const font = requireCjkFont();
    const [pages] = await readPdfs([await renderLetterPdf(letter, font)]);
    expectLinesInOrder(
      pdfLines(pages)
        .map((l) => l.text)
        .join('\n'),
      expected,
    );
  });

  it('prints them in the DOCX, one paragraph each', async () => {
    const paragraphs = await docxParagraphs(await renderLetterDocx(letter));
    const closing = paragraphs.indexOf(letter.closing);
    expect(paragraphs.slice(closing, closing + 4)).toEqual(expected.slice(0, 4));
    expect(paragraphs).toContain('抄送：市政府办公室、市通信管理局。');
  });

  it('prints them in the HTML', () => {
    const html = renderLetterHtml(letter);
    expect(html).toContain('<p class="attachment">附件：1.X市5G基站建设规划（2023—2025年）</p>');
    expect(html).toContain('<p class="attachment-continued">2.2023年基站建设进度表</p>');
    expect(html).toContain('<p class="copy-to">抄送：市政府办公室、市通信管理局。</p>');
  });
});
