import * as vscode from 'vscode';
import type { Exporter } from '../commands/exportDocument';
import { activate as activateExtension, type DialogueGuideInternals, type Features } from '../extension';
import { provideYaml } from './yamlSlot';

export { deactivate } from '../extension';

/**
 * The entry of the web-worker extension host (package.json `browser`: vscode.dev, github.dev,
 * code-server's browser host). The core parses front matter synchronously, so the YAML parser
 * (dist/web/yaml.js, a bundle of its own) is loaded before the extension is wired; the rest is the
 * desktop's `activate`, unchanged.
 */
export async function activate(context: vscode.ExtensionContext): Promise<DialogueGuideInternals> {
  provideYaml(await loadBundle(vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'yaml.js')));
  const bundle = (name: string) => vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', name);
  return activateExtension(context, {
    loadFeatures: () => loadBundle<Features>(bundle('features.js')),
    loadExporter: () => loadBundle<Exporter>(bundle('export.js')),
  });
}

/**
 * Evaluates a CommonJS bundle that ships in this extension, as the web-worker host itself loads
 * the extension's entry (fetched text, `new Function`): a worker has no `require`, and `import()`
 * of an extension's file is not allowed by every host's content security policy. Only files of
 * the extension's own package are read here; content is never evaluated.
 */
async function loadBundle<T>(file: vscode.Uri): Promise<T> {
  const source = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
  const module = { exports: {} as T };
  // Each bundle is whole: the features bundle needs only the API, the exporter nothing.
  const require = (id: string): unknown => {
    if (id === 'vscode') return vscode;
    throw new Error(`Cannot find module '${id}' in the web extension host`);
  };
  new Function('module', 'exports', 'require', `${source}\n//# sourceURL=${file.toString(true)}`)(module, module.exports, require);
  return module.exports;
}
