import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import GithubSlugger from 'github-slugger';
import MarkdownIt from 'markdown-it';

/**
 * Every link between the repository's Markdown files leads somewhere: the file exists and,
 * when the link names a heading, the heading does (its anchor computed as GitHub computes it).
 * Links to the web are not fetched (the machine has no internet); links that leave the
 * repository (`../shared/…`) are refused, since a clone does not have them.
 */
const ROOT = path.resolve(__dirname, '../../..');
const markdown = new MarkdownIt({ html: true });

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

function markdownFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.md'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return out
    .split('\n')
    .filter(Boolean)
    .filter((f) => fs.existsSync(path.join(ROOT, f)));
}

function walk(tokens: Token[], visit: (t: Token) => void): void {
  for (const t of tokens) {
    visit(t);
    if (t.children) walk(t.children, visit);
  }
}

const anchorCache = new Map<string, Set<string>>();
function anchorsOf(file: string): Set<string> {
  const cached = anchorCache.get(file);
  if (cached) return cached;
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  const tokens = markdown.parse(fs.readFileSync(file, 'utf8'), {});
  tokens.forEach((t, i) => {
    if (t.type !== 'heading_open') return;
    const text = (tokens[i + 1].children ?? [])
      .filter((c) => c.type === 'text' || c.type === 'code_inline')
      .map((c) => c.content)
      .join('');
    anchors.add(slugger.slug(text));
  });
  // Explicit anchors: <a id="…"> / <a name="…">.
  for (const m of fs.readFileSync(file, 'utf8').matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(m[1]);
  anchorCache.set(file, anchors);
  return anchors;
}

function brokenLinks(file: string): string[] {
  const abs = path.join(ROOT, file);
  const problems: string[] = [];
  walk(markdown.parse(fs.readFileSync(abs, 'utf8'), {}), (t) => {
    const attr = t.type === 'link_open' ? t.attrGet('href') : t.type === 'image' ? t.attrGet('src') : null;
    const href = attr === null ? null : String(attr);
    if (!href || /^[a-z][a-z0-9+.-]*:/i.test(href)) return; // http:, https:, mailto:
    const [target, anchor] = href.split('#') as [string, string | undefined];
    const targetAbs = target === '' ? abs : path.resolve(path.dirname(abs), decodeURIComponent(target));
    const rel = path.relative(ROOT, targetAbs);
    if (rel.startsWith('..')) return void problems.push(`${href}: outside the repository`);
    if (!fs.existsSync(targetAbs)) return void problems.push(`${href}: no such file`);
    if (anchor && targetAbs.endsWith('.md') && !anchorsOf(targetAbs).has(decodeURIComponent(anchor))) {
      problems.push(`${href}: no heading with that anchor in ${rel}`);
    }
  });
  return problems;
}

describe('documentation links', () => {
  const files = markdownFiles();

  it('finds the documentation', () => {
    expect(files).toEqual(expect.arrayContaining(['README.md', 'docs/README.md', 'docs/domain.md']));
  });

  it.each(files)('%s links only to files and headings that exist', (file) => {
    expect(brokenLinks(file)).toEqual([]);
  });

  it('catches a broken link (the check itself works)', () => {
    const probe = 'docs/.links-probe.md';
    fs.writeFileSync(path.join(ROOT, probe), '# Probe\n\n[a](README.md#no-such-heading) [b](nothing.md) [c](#probe)\n');
    try {
      expect(brokenLinks(probe)).toEqual([
        'README.md#no-such-heading: no heading with that anchor in docs/README.md',
        'nothing.md: no such file',
      ]);
    } finally {
      fs.rmSync(path.join(ROOT, probe));
    }
  });

  it('keeps the README short: what Banli is, the two commands, a first call, where to go next', () => {
    const lines = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8').split('\n').length;
    expect(lines).toBeLessThanOrEqual(200);
  });
});
