/**
 * Marks passages of the article on the live page with the CSS Custom Highlight API: ranges are registered, the page's
 * DOM is not changed (beyond one <style> rule for the colour), and removing the highlight leaves no trace.
 * Passages come from the extracted article; each line of one is looked up in the page's visible text.
 */
const NAMES = { copied: 'firsthand-copied', reworded: 'firsthand-reworded' } as const;
const STYLE_ID = 'firsthand-highlight-style';
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'FIRSTHAND-BADGE']);

interface TextIndex {
  text: string;
  nodes: Text[];
  /** For each character of `text`: which node (index into nodes) and offset it came from. */
  nodeOf: Uint32Array;
  offsetOf: Uint32Array;
}

export function isHighlightSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

/** Highlights the passages; returns how many lines were found on the page. */
export function showHighlights(
  doc: Document,
  passages: ReadonlyArray<{ kind: 'copied' | 'reworded'; text: string }>,
): number {
  if (!isHighlightSupported()) return 0;
  clearHighlights(doc);
  const index = buildIndex(doc);
  const ranges = { copied: [] as Range[], reworded: [] as Range[] };
  let from = 0;
  for (const passage of passages) {
    for (const line of passage.text.split('\n')) {
      const needle = line.replace(/\s+/g, ' ').trim();
      if (needle.length < 12) continue;
      let at = index.text.indexOf(needle, from);
      if (at < 0) at = index.text.indexOf(needle);
      if (at < 0) continue;
      const end = at + needle.length - 1;
      const range = doc.createRange();
      range.setStart(index.nodes[index.nodeOf[at] as number] as Text, index.offsetOf[at] as number);
      range.setEnd(index.nodes[index.nodeOf[end] as number] as Text, (index.offsetOf[end] as number) + 1);
      ranges[passage.kind].push(range);
      from = end;
    }
  }
  for (const kind of ['copied', 'reworded'] as const) {
    if (ranges[kind].length) CSS.highlights.set(NAMES[kind], new Highlight(...ranges[kind]));
  }
  if (!doc.getElementById(STYLE_ID)) {
    const style = doc.createElement('style');
    style.id = STYLE_ID;
    style.textContent = `::highlight(${NAMES.copied}) { background-color: #ffcdd2; color: #000; }
::highlight(${NAMES.reworded}) { background-color: #ffe0b2; color: #000; }`;
    (doc.head ?? doc.documentElement).append(style);
  }
  return ranges.copied.length + ranges.reworded.length;
}

export function clearHighlights(doc: Document): void {
  if (!isHighlightSupported()) return;
  CSS.highlights.delete(NAMES.copied);
  CSS.highlights.delete(NAMES.reworded);
  doc.getElementById(STYLE_ID)?.remove();
}

/** The page's text with white space folded, mapped back character by character to its text nodes. */
function buildIndex(doc: Document): TextIndex {
  const nodes: Text[] = [];
  const chars: string[] = [];
  const nodeOf: number[] = [];
  const offsetOf: number[] = [];
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement && SKIP.has(node.parentElement.tagName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  let lastWasSpace = true;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const value = node.data;
    const n = nodes.push(node) - 1;
    for (let i = 0; i < value.length; i++) {
      const ch = value[i] as string;
      const isSpace = /\s/.test(ch);
      if (isSpace && lastWasSpace) continue;
      chars.push(isSpace ? ' ' : ch);
      nodeOf.push(n);
      offsetOf.push(i);
      lastWasSpace = isSpace;
    }
  }
  return { text: chars.join(''), nodes, nodeOf: Uint32Array.from(nodeOf), offsetOf: Uint32Array.from(offsetOf) };
}
