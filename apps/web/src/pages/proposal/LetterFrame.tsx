/**
 * A letter's HTML (a draft preview or a signed letter) shown in a sandboxed frame: `sandbox=""`
 * (no scripts, no same-origin access, no forms, no navigation), so nothing in the text of a
 * proposal, an opinion or a draft can run, whatever the server's escaping.
 */
export function LetterFrame({ html, title, height = 640 }: { html: string; title: string; height?: number | string }) {
  return (
    <iframe
      sandbox=""
      srcDoc={html}
      title={title}
      data-testid="letter-frame"
      style={{ width: '100%', height, border: '1px solid #d9d9d9', borderRadius: 6, background: '#fff' }}
    />
  );
}
