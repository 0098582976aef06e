import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

/**
 * The repository's own conventions, checked on every test run (refined-github's build/features.test.ts is the model):
 * the layers' borders and the engine's stage order hold because a test fails, not because a reviewer noticed.
 */
const ROOT = resolve('.');
const CORE = 'src/core';

/** Engine stages, each allowed to import only the stages named for it. */
const STAGE_DEPENDENCIES: Record<string, readonly string[]> = {
  text: [],
  fingerprint: ['text'],
  corpus: ['text', 'fingerprint'],
  'ai-style': ['text'],
  judge: ['text', 'fingerprint', 'corpus', 'ai-style'],
};

interface Import {
  from: string;
  /** What the import names as written. */
  specifier: string;
  /** The repository file it resolves to, or null for a package or Node built-in. */
  target: string | null;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !name.endsWith('.d.ts') ? [relative(ROOT, path)] : [];
  });
}

function resolveLocal(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = join(dirname(from), specifier.replace(/\?[\w&=]*$/, ''));
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return relative(ROOT, resolve(candidate));
    } catch {
      // not this one
    }
  }
  throw new Error(`${from}: import ${specifier} resolves to no file`);
}

/** Static imports, re-exports and import() calls, as TypeScript's own pre-processor reads them (not inside strings). */
function importsOf(file: string): Import[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles.map(({ fileName }) => ({
    from: file,
    specifier: fileName,
    target: resolveLocal(file, fileName),
  }));
}

const files = [...sourceFiles('src'), ...sourceFiles('test')];
const imports = new Map(files.map((file) => [file, importsOf(file)]));
const stageOf = (file: string): string | null =>
  file.startsWith(`${CORE}/`) ? (file.slice(CORE.length + 1).split('/')[0] as string) : null;
const isEngineInternal = (file: string | null): boolean =>
  file !== null && file.startsWith(`${CORE}/`) && file !== `${CORE}/index.ts`;

describe('layers', () => {
  test('the engine imports nothing from outside src/core: no package, no Node built-in, no other layer', () => {
    const outside = files
      .filter((f) => f.startsWith(`${CORE}/`))
      .flatMap((f) => imports.get(f) ?? [])
      .filter((i) => i.target === null || !i.target.startsWith(`${CORE}/`))
      .map((i) => `${i.from} imports ${i.specifier}`);
    expect(outside).toEqual([]);
  });

  test('each engine stage imports only the stages before it', () => {
    const wrong = files
      .filter((f) => stageOf(f) !== null && f !== `${CORE}/index.ts`)
      .flatMap((f) => imports.get(f) ?? [])
      .filter((i) => {
        const from = stageOf(i.from) as string;
        const to = i.target ? stageOf(i.target) : null;
        if (to === null || to === from) return false;
        return !(STAGE_DEPENDENCIES[from] ?? []).includes(to);
      })
      .map((i) => `${i.from} (${stageOf(i.from)}) imports ${i.target}`);
    expect(Object.keys(STAGE_DEPENDENCIES).sort()).toEqual(
      readdirSync(CORE)
        .filter((n) => statSync(join(CORE, n)).isDirectory())
        .sort(),
    );
    expect(wrong).toEqual([]);
  });

  test('the CLI, extraction, the extension and the tools enter the engine only through src/core/index.ts', () => {
    const glue = files.filter((f) =>
      /^(src\/(cli|extension|extract)|test\/(eval|bench|cli|e2e|data|extract))\//.test(f),
    );
    const internal = glue
      .flatMap((f) => imports.get(f) ?? [])
      .filter((i) => isEngineInternal(i.target))
      .map((i) => `${i.from} imports ${i.target}`);
    expect(internal).toEqual([]);
  });

  test('extraction knows no CLI and no extension; the CLI and the extension do not know each other', () => {
    const rules: Array<[RegExp, RegExp]> = [
      [/^src\/extract\//, /^src\/(cli|extension)\//],
      [/^src\/cli\//, /^src\/extension\//],
      [/^src\/extension\//, /^src\/cli\//],
    ];
    const wrong = files.flatMap((f) =>
      (imports.get(f) ?? [])
        .filter((i) => i.target && rules.some(([from, to]) => from.test(f) && to.test(i.target as string)))
        .map((i) => `${f} imports ${i.target}`),
    );
    expect(wrong).toEqual([]);
  });

  test('webextension-polyfill and vite-plugin-web-extension (both winding down) and idb are each behind one file', () => {
    const importing = (name: string): string[] => [
      ...new Set(
        [...imports.values()]
          .flat()
          .filter((i) => i.specifier === name && i.from.startsWith('src/'))
          .map((i) => i.from),
      ),
    ];
    expect(importing('webextension-polyfill')).toEqual(['src/extension/browser.ts']);
    expect(importing('vite-plugin-web-extension')).toEqual([]);
    expect(importing('idb')).toEqual(['src/extension/pack-store.ts']);
    expect(importsOf('vite.config.ts').map((i) => i.specifier)).toContain('vite-plugin-web-extension');
  });
});

/** Every import circle of a graph, each as "a -> b -> a" (depth-first search, one report per back edge). */
function findCircles(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const circles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') circles.push([...path.slice(path.indexOf(next)), next].join(' -> '));
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return circles;
}

describe('import graph', () => {
  test('has no circle anywhere under src/', () => {
    const graph = new Map<string, string[]>();
    for (const [file, list] of imports) {
      if (!file.startsWith('src/')) continue;
      graph.set(
        file,
        list.map((i) => i.target).filter((t): t is string => t !== null && t.startsWith('src/')),
      );
    }
    expect(findCircles(graph)).toEqual([]);
  });

  test('the circle finder reports the circle this repository once had', () => {
    const graph = new Map([
      ['compare.ts', ['thresholds.ts', 'params.ts']],
      ['thresholds.ts', ['rewrite-model.ts']],
      ['rewrite-model.ts', ['compare.ts']],
      ['params.ts', []],
    ]);
    expect(findCircles(graph)).toEqual(['compare.ts -> thresholds.ts -> rewrite-model.ts -> compare.ts']);
  });
});
