/** The heading ids a Markdown file gets on the site and on GitHub (github-slugger, which Astro's Markdown processor uses too). */
import GithubSlugger from 'github-slugger';

/** Every heading's id, in order, duplicates numbered (`limitations`, `limitations-1`). */
export function headingIds(markdown: string): Set<string> {
  const slugger = new GithubSlugger();
  const ids = new Set<string>();
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/^```[\s\S]*?^```/gm, '');
  for (const match of body.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const text = match[1]!.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*]/g, '');
    ids.add(slugger.slug(text));
  }
  return ids;
}
