import { AlignmentType, Document, LineRuleType, Packer, Paragraph, TextRun } from 'docx';
import {
  BLOCK_STYLES,
  BODY_LINE_PITCH_PT,
  BODY_SIZE_PT,
  MARGINS_MM,
  PAGE_MM,
  PT_PER_MM,
  TWIPS_PER_PT,
  type BlockStyle,
  type LetterFace,
} from './letter-layout';
import { letterBlocks, type LetterBlock, type ReplyLetter } from './reply-letter';

/**
 * The fonts Chinese offices' Word and WPS installations have for official documents. Latin
 * letters and digits (document numbers, phone numbers) use Times New Roman, as is usual.
 */
export const DOCX_EAST_ASIA_FONTS: Readonly<Record<LetterFace, string>> = {
  body: '仿宋_GB2312',
  title: '方正小标宋简体',
  heading: '黑体',
};
const LATIN_FONT = 'Times New Roman';

const twips = (pt: number) => Math.round(pt * TWIPS_PER_PT);
const mmTwips = (mm: number) => twips(mm * PT_PER_MM);

const ALIGNMENTS = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.BOTH,
} as const;

function paragraphOf(block: LetterBlock): Paragraph {
  const style: BlockStyle = BLOCK_STYLES[block.role];
  const charTwips = twips(style.sizePt);
  const indent = {
    // Word measures `firstLineChars` in hundredths of a character; `firstLine` is for readers that do not.
    ...(style.firstLineIndentChars > 0 && {
      firstLine: style.firstLineIndentChars * charTwips,
      firstLineChars: style.firstLineIndentChars * 100,
    }),
    ...(style.rightIndentChars > 0 && { right: style.rightIndentChars * charTwips }),
  };
  return new Paragraph({
    alignment: ALIGNMENTS[style.align],
    ...(Object.keys(indent).length > 0 && { indent }),
    spacing: {
      line: twips(style.linePitchPt),
      lineRule: LineRuleType.EXACT,
      before: twips(style.spaceBeforeLines * BODY_LINE_PITCH_PT),
      after: 0,
    },
    children: [
      new TextRun({
        text: block.text,
        size: style.sizePt * 2,
        font: { ascii: LATIN_FONT, hAnsi: LATIN_FONT, eastAsia: DOCX_EAST_ASIA_FONTS[style.face] },
        language: { eastAsia: 'zh-CN' },
      }),
    ],
  });
}

/** The letter as a Word document for filing: A4, GB/T 9704 margins, one paragraph per part. */
export async function renderLetterDocx(letter: ReplyLetter): Promise<Buffer> {
  const document = new Document({
    title: letter.title,
    creator: letter.issuer,
    styles: {
      default: {
        document: {
          run: {
            size: BODY_SIZE_PT * 2,
            font: { ascii: LATIN_FONT, hAnsi: LATIN_FONT, eastAsia: DOCX_EAST_ASIA_FONTS.body },
          },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: mmTwips(PAGE_MM.width), height: mmTwips(PAGE_MM.height) },
            margin: {
              top: mmTwips(MARGINS_MM.top),
              bottom: mmTwips(MARGINS_MM.bottom),
              left: mmTwips(MARGINS_MM.left),
              right: mmTwips(MARGINS_MM.right),
            },
          },
        },
        children: letterBlocks(letter).map(paragraphOf),
      },
    ],
  });
  return Packer.toBuffer(document);
}
