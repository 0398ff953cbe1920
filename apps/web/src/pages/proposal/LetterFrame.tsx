import { useEffect, useRef, useState } from 'react';

/** The width of the letter's A4 page (210 mm at 96 dpi) and its margins around it. */
const PAGE_PX = 860;

/**
 * A letter's HTML (a draft preview or a signed letter) shown in a sandboxed frame: `sandbox=""`
 * (no scripts, no same-origin access, no forms, no navigation), so nothing in the text of a
 * proposal, an opinion or a draft can run, whatever the server's escaping. With `fit`, the
 * page is zoomed to the frame's width (a preview in a narrow column shows the whole line).
 */
export function LetterFrame({
  html,
  title,
  height = 640,
  fit = false,
}: {
  html: string;
  title: string;
  height?: number | string;
  fit?: boolean;
}) {
  const ref = useRef<HTMLIFrameElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const frame = ref.current;
    if (!fit || !frame) return;
    const observer = new ResizeObserver(([entry]) => setWidth(entry.contentRect.width));
    observer.observe(frame);
    return () => observer.disconnect();
  }, [fit]);
  const zoom = fit && width > 0 ? Math.min(1, Math.max(0.3, width / PAGE_PX)) : 1;
  const doc = zoom < 1 ? html.replace('</head>', `<style>html { zoom: ${zoom.toFixed(3)}; }</style></head>`) : html;
  return (
    <iframe
      ref={ref}
      sandbox=""
      srcDoc={doc}
      title={title}
      data-testid="letter-frame"
      style={{ width: '100%', height, border: '1px solid #d9d9d9', borderRadius: 6, background: '#fff' }}
    />
  );
}
