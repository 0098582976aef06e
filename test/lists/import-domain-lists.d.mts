/** What `import-domain-lists.mjs` writes, by path under public/lists/. */
export function importedFiles(): Record<string, string>;
