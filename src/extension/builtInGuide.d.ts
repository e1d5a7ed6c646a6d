/**
 * The built-in guide's entries, compiled from content/ by scripts/build.mjs. Sources name files
 * relative to the extension's root, with `/`; relocateGuideEntry places them.
 */
declare module 'virtual:built-in-guide' {
  const entries: readonly import('../core/guide').GuideEntry[];
  export default entries;
}
