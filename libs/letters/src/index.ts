export * from './lib/chinese-numeral';
export * from './lib/reply-letter';
export * from './lib/letter-layout';
export * from './lib/render-letter-html';
export * from './lib/render-letter-docx';
export * from './lib/render-letter-pdf';
export * from './lib/cjk-font';
export * from './lib/line-breaking';
