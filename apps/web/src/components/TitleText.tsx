import { Typography } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { isBlank } from '../text';

export { isBlank };

/** A title as shown: the title itself, or "（无标题）" when it would show nothing. */
export function useDisplayTitle(): (title: string | null | undefined) => string {
  const { t } = useTranslation();
  return (title) => (isBlank(title) ? t('untitled') : (title as string));
}

/**
 * A long text on one line (or `rows` lines), cut with an ellipsis, the whole text in a tooltip on
 * hover or tap (Ant Design's Typography ellipsis); a title showing nothing reads "（无标题）".
 */
export function TitleText({
  text,
  rows = 1,
  style,
  strong,
  testId,
}: {
  text: string | null | undefined;
  rows?: number;
  style?: CSSProperties;
  strong?: boolean;
  testId?: string;
}) {
  const display = useDisplayTitle()(text);
  const blank = isBlank(text);
  const common = { strong, type: blank ? ('secondary' as const) : undefined, 'data-testid': testId };
  return rows > 1 ? (
    <Typography.Paragraph {...common} style={{ margin: 0, ...style }} ellipsis={{ rows, tooltip: display }}>
      {display}
    </Typography.Paragraph>
  ) : (
    <Typography.Text {...common} style={{ maxWidth: '100%', ...style }} ellipsis={{ tooltip: display }}>
      {display}
    </Typography.Text>
  );
}

/**
 * A title line of a list: tags that keep their size, then the title as a link, cut to the
 * room left (a flex row whose link may shrink, so a long title never widens the page).
 */
export function TitleLine({
  tags,
  to,
  text,
  testId,
  strong,
}: {
  tags?: ReactNode;
  to: string;
  text: string | null | undefined;
  testId?: string;
  strong?: boolean;
}) {
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 4, minWidth: 0, maxWidth: '100%' }}>
      {tags && <span style={{ flex: 'none', display: 'inline-flex' }}>{tags}</span>}
      <Link to={to} style={{ minWidth: 0, flex: '0 1 auto', display: 'flex' }} data-testid={testId}>
        <TitleText text={text} strong={strong} />
      </Link>
    </div>
  );
}
