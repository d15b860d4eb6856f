import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCycles, readImportGraph } from '../helpers/import-graph';
import { tmpDir } from '../helpers/tmp';

// The lint rule (`eslint.config.js`, proved by lint-layering.test.ts) refuses a wrong import as it is typed; this
// reads the whole import graph as it is, so a cycle or a layer crossed through a re-export or a lazy import shows too.

const graph = readImportGraph(process.cwd(), ['main']);
const coreFolder = (file: string): string | null => /^main\/core\/([^/]+)\//.exec(file)?.[0] ?? null;

describe('the import graph of main/', () => {
  it('is read: every folder of main/ and thousands of edges', () => {
    expect(graph.files.length).toBeGreaterThan(300);
    expect(graph.edges.length).toBeGreaterThan(1000);
    for (const folder of ['main/core/', 'main/ipc/', 'main/hub/', 'main/electron/', 'main/cli/', 'main/custodian/']) {
      expect(graph.files.some((f) => f.startsWith(folder)), folder).toBe(true);
    }
  });

  it('has no import cycle between files (type-only imports count; lazy import() does not)', () => {
    expect(findCycles(graph)).toEqual([]);
  });

  it('has no cycle between the folders of main/core', () => {
    expect(findCycles(graph, coreFolder)).toEqual([]);
  });

  it('keeps main/core innermost: no electron, and none of ipc, electron, hub, custodian, cli, preload or renderer', () => {
    const outward = graph.edges
      .filter((e) => e.from.startsWith('main/core/'))
      .filter((e) => e.to === 'electron' || /^(main\/(ipc|electron|hub|custodian|cli)|preload|renderer)\//.test(e.to))
      .map((e) => `${e.from} → ${e.to}`);
    expect(outward).toEqual([]);
  });

  it('keeps the vocabulary and the folding rule the renderer imports as values free of imports, so they cannot pull main-process code along', () => {
    const from = (file: string) => graph.edges.filter((e) => e.from === file).map((e) => e.to);
    expect(from('main/core/shared/vocabulary.ts')).toEqual([]);
    expect(from('main/ipc/vocabulary.ts')).toEqual(['main/core/shared/vocabulary.ts']);
    expect(from('main/core/text/fold.ts')).toEqual([]);
    expect(from('main/ipc/text-fold.ts')).toEqual(['main/core/text/fold.ts']);
  });
});

describe('the import graph reader', () => {
  function tree(files: Record<string, string>): string {
    const root = tmpDir('diwan-graph-');
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      fs.writeFileSync(path.join(root, name), text);
    }
    return root;
  }

  it('finds a cycle through an index file, a re-export and a type-only import, and names its files', () => {
    const root = tree({
      'src/a/index.ts': "export { b } from '../b/b';\n",
      'src/b/b.ts': "import type { C } from '../c';\nexport const b = 1 as unknown as C;\n",
      'src/c.ts': "import { b } from './a';\nexport type C = typeof b;\n",
      'src/d.ts': "import { b } from './a';\nexport const d = b;\n",
    });
    const g = readImportGraph(root, ['src']);
    expect(findCycles(g)).toEqual([['src/a/index.ts', 'src/b/b.ts', 'src/c.ts']]);
    expect(findCycles(g, (f) => /^src\/(\w+)\//.exec(f)?.[1] ?? null)).toEqual([]);
  });

  it('does not count a lazy import() as a cycle, but still records it as an edge', () => {
    const root = tree({
      'src/a.ts': "export const load = () => import('./b');\n",
      'src/b.ts': "import { load } from './a';\nexport const again = load;\n",
    });
    const g = readImportGraph(root, ['src']);
    expect(findCycles(g)).toEqual([]);
    expect(g.edges).toContainEqual({ from: 'src/a.ts', to: 'src/b.ts', typeOnly: false, lazy: true });
  });

  it('finds a loop between folders that no two files close by themselves', () => {
    const root = tree({
      'src/auth/x.ts': "import { y } from '../audit/y';\nexport const x = y;\n",
      'src/audit/y.ts': 'export const y = 1;\n',
      'src/audit/z.ts': "import type { W } from '../auth/w';\nexport type Z = W;\n",
      'src/auth/w.ts': 'export type W = number;\n',
    });
    const g = readImportGraph(root, ['src']);
    expect(findCycles(g)).toEqual([]);
    expect(findCycles(g, (f) => /^src\/(\w+)\//.exec(f)?.[1] ?? null)).toEqual([['audit', 'auth']]);
  });

  it('names bare packages by their package name and ignores a specifier inside a comment or string', () => {
    const root = tree({
      'src/a.ts': "// import x from 'electron';\nimport { app } from 'electron';\nimport { z } from 'zod/v4';\nimport type { T } from '@scope/pkg/sub';\nexport const s = \"import('./nowhere')\";\nexport const x = [app, z] as unknown as T;\n",
    });
    const g = readImportGraph(root, ['src']);
    expect(g.edges.map((e) => e.to)).toEqual(['electron', 'zod', '@scope/pkg']);
  });
});
