import * as vscode from 'vscode';
import { uiLanguage } from './l10n';

/** A fresh script nonce for a webview page: 18 random bytes in base64, from Web Crypto, which both extension hosts (Node and web worker) have. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(18))));
}

/** Every panel's options: its script runs, command links do not, and only the extension's own scripts and styles load. */
export function webviewPanelOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return { enableScripts: true, enableCommandUris: false, retainContextWhenHidden: false, localResourceRoots: [scriptFolder(extensionUri), mediaFolder(extensionUri)] };
}

/** What every page's HTML (src/webview/pageHtml.ts) needs from its panel: CSP source, a fresh nonce, its script (dist/webview) and stylesheet (media), the interface language. */
export function pageFrame(webview: vscode.Webview, extensionUri: vscode.Uri, page: { readonly script: string; readonly style: string }) {
  return {
    cspSource: webview.cspSource,
    nonce: newNonce(),
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(scriptFolder(extensionUri), page.script)).toString(),
    styleUri: webview.asWebviewUri(vscode.Uri.joinPath(mediaFolder(extensionUri), page.style)).toString(),
    uiLanguage: uiLanguage(),
  };
}

/** The extension's own media folder (icons, stylesheets). */
export function mediaFolder(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'media');
}

function scriptFolder(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
}
