/**
 * Where the web bundle keeps the YAML parser once loaded. In the web bundle `yaml` resolves to a
 * stand-in whose exports read `loadedYaml()` (scripts/build.mjs, the plugin `yamlStandIn`): a web
 * worker cannot `require` a sibling file, and inlining the parser would make the bundle too big.
 */
type Yaml = typeof import('yaml');

/**
 * On the global object, not in this module: dist/web/features.js, loaded on first use, carries a
 * copy of this module and parses front matter with the parser the extension loaded.
 */
const slot = Symbol.for('dialogueGuide.yaml');
const global = globalThis as { [slot]?: Yaml };

/** Keeps the parser that `browser.ts` loaded before activating. */
export function provideYaml(module: Yaml): void {
  global[slot] = module;
}

/** The parser; throws when used before `provideYaml`, which activation in the web host never allows. */
export function loadedYaml(): Yaml {
  const yaml = global[slot];
  if (!yaml) throw new Error('The YAML parser is used before the web extension loaded it.');
  return yaml;
}
