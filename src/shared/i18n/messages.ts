/**
 * Messages are split per module: `src/shared/i18n/<module>/{ja,en}.json`,
 * one folder per module of src/server/modules.ts. The server
 * (platform/i18n/translate.ts) and the web app (web/i18n/i18n.ts) load every
 * folder and merge them here into one tree per language. Each module owns
 * its namespaces; the problem messages (`errors`) are shared, and a module
 * adds its own codes there. A message defined by two modules is an error.
 */
export type MessageTree = { [key: string]: string | MessageTree };

/** The module a message file belongs to: its folder's name. */
export function moduleOfMessageFile(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 2];
}

/** Every module's messages in one tree; throws naming both modules when a message is defined twice. */
export function mergeMessages(files: Record<string, MessageTree>): MessageTree {
  const merged: MessageTree = {};
  const owner = new Map<string, string>();
  const add = (into: MessageTree, tree: MessageTree, module: string, prefix: string) => {
    for (const [key, value] of Object.entries(tree)) {
      const path = prefix ? `${prefix}.${key}` : key;
      const there = into[key];
      if (typeof value === 'string' || typeof there === 'string') {
        if (there !== undefined) throw new Error(`The message ${path} is defined by two modules: ${owner.get(path) ?? 'another'} and ${module}.`);
        into[key] = value;
        owner.set(path, module);
      } else {
        into[key] ??= {};
        add(into[key] as MessageTree, value, module, path);
      }
    }
  };
  for (const [path, tree] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) add(merged, tree, moduleOfMessageFile(path), '');
  return merged;
}
