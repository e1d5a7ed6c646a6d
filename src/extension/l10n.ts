import * as vscode from 'vscode';

/**
 * The one localisation function of the extension: `vscode.l10n.t`, in the language
 * `dialogueGuide.uiLanguage` chooses. VS Code has no official Danish display language, so
 * `vscode.l10n` alone would show Danish users English; with `da`, the extension reads its own
 * Danish bundle (the one the CLI reads too) after activation, and `en` keeps English under any
 * display language. Command titles and setting descriptions come from package.nls*.json and
 * follow VS Code's own language whatever this says.
 */

interface UiLanguageState {
  /** The message → translation map in force: undefined follows VS Code (`auto`, or Danish VS Code); `{}` is English. */
  override: Readonly<Record<string, string>> | undefined;
  language: string | undefined;
  readonly changed: vscode.EventEmitter<void>;
}

/**
 * Kept on the global object, not in this module: the features loaded on first use
 * (dist/features.js, see src/extension/onFirstUse.ts) carry a copy of this module, and must speak
 * the language the extension's own copy chose.
 */
const state: UiLanguageState = ((globalThis as { [key: symbol]: UiLanguageState | undefined })[Symbol.for('dialogueGuide.uiLanguage')] ??= {
  override: undefined,
  language: undefined,
  changed: new vscode.EventEmitter<void>(),
});

/** Fires when the interface language changed (the setting, or the Danish bundle once read). */
export const onDidChangeUiLanguage = state.changed.event;

type Args = (string | number | boolean)[] | [Readonly<Record<string, string | number | boolean>>];

/** Localises `message` as `vscode.l10n.t` does: `{0}` from positional arguments, `{name}` from one record. */
export function t(message: string, ...args: Args): string {
  const named = typeof args[0] === 'object' ? (args[0] as Readonly<Record<string, string | number | boolean>>) : undefined;
  const override = state.override;
  if (!override) return named ? vscode.l10n.t(message, named) : vscode.l10n.t(message, ...(args as (string | number | boolean)[]));
  const template = override[message] ?? message;
  return template.replace(/\{([^{}]+)\}/g, (whole, key: string) => {
    const value = named ? named[key] : (args as (string | number | boolean)[])[Number(key)];
    return value === undefined ? whole : String(value);
  });
}

/** The language the interface speaks, for `lang` on a webview's `<html>`. */
export function uiLanguage(): string {
  return state.language ?? vscode.env.language;
}

/** Follows `dialogueGuide.uiLanguage`; the Danish bundle is read through `workspace.fs`, never during `activate`. */
export function registerUiLanguage(extensionUri: vscode.Uri): vscode.Disposable {
  let generation = 0;
  const apply = async () => {
    const mine = ++generation;
    const setting = vscode.workspace.getConfiguration('dialogueGuide').get<string>('uiLanguage', 'auto');
    const vscodeSpeaksDanish = vscode.env.language.toLowerCase().startsWith('da');
    let next: Readonly<Record<string, string>> | undefined;
    if (setting === 'en') next = {};
    else if (setting === 'da' && !vscodeSpeaksDanish) next = await danishBundle(extensionUri);
    const nextLanguage = next === undefined ? undefined : setting;
    // Nothing to re-word (`auto` at start-up): a refresh then would only disturb the trees.
    if (mine !== generation || (next === state.override && nextLanguage === state.language)) return;
    state.override = next;
    state.language = nextLanguage;
    state.changed.fire();
  };
  void apply();
  return vscode.Disposable.from(
    state.changed,
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('dialogueGuide.uiLanguage')) void apply();
    }),
  );
}

/** The Danish bundle; a missing or broken one leaves the interface as VS Code has it (undefined). */
async function danishBundle(extensionUri: vscode.Uri): Promise<Readonly<Record<string, string>> | undefined> {
  try {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'l10n', 'bundle.l10n.da.json')));
    const parsed = JSON.parse(text) as unknown;
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, string>) : undefined;
  } catch {
    return undefined;
  }
}
