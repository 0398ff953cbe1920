/**
 * Dates as people in the bureaus read them: always in Asia/Shanghai (a deadline is the end of
 * its day there), written 2023年7月5日 in Chinese and 5 Jul 2023 in English.
 */
export type Lang = 'zh-CN' | 'en';

function parts(instant: string | Date): { year: string; month: string; day: string; hour: string; minute: string } {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  const f = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
  const p = Object.fromEntries(f.formatToParts(d).map((x) => [x.type, x.value]));
  return {
    year: p['year'],
    month: p['month'],
    day: p['day'],
    hour: p['hour'] === '24' ? '00' : p['hour'],
    minute: p['minute'],
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 2023年7月5日 / 5 Jul 2023 (the date in Shanghai). */
export function formatDate(instant: string | Date, lang: Lang): string {
  const p = parts(instant);
  return lang === 'en'
    ? `${Number(p.day)} ${MONTHS[Number(p.month) - 1]} ${p.year}`
    : `${p.year}年${Number(p.month)}月${Number(p.day)}日`;
}

/** A calendar date (YYYY-MM-DD) as written: 2023年7月5日 / 5 Jul 2023. */
export function formatIsoDate(date: string, lang: Lang): string {
  const [y, m, d] = date.split('-').map(Number);
  return lang === 'en' ? `${d} ${MONTHS[m - 1]} ${y}` : `${y}年${m}月${d}日`;
}

/** 2023年7月5日 14:30 / 5 Jul 2023 14:30 (Shanghai time). */
export function formatDateTime(instant: string | Date, lang: Lang): string {
  const p = parts(instant);
  return `${formatDate(instant, lang)} ${p.hour}:${p.minute}`;
}

/**
 * A count the API stopped counting at its limit (1,000): "1000+" when `capped`, meaning more
 * than that. The lists' totals and the inbox's counts come this way.
 */
export function countText(n: number, capped: boolean | undefined): string {
  return capped ? `${n}+` : String(n);
}

/**
 * Punctuation of the language shown: full-width （） and ： in Chinese, ASCII " (…)" and ": " in
 * English (so English screens read `24 Dec 2026 (15 working days left)`).
 */
export function paren(text: string | number, lang: string): string {
  return lang === 'en' ? ` (${text})` : `（${text}）`;
}

export function colon(lang: string): string {
  return lang === 'en' ? ': ' : '：';
}
