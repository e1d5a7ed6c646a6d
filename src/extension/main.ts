import type * as vscode from 'vscode';
import { activate as activateExtension, type DialogueGuideInternals } from './extension';

export { deactivate } from './extension';

/**
 * The entry of the Node extension host (package.json `main`). The features used later and the
 * exporter are sibling bundles (dist/features.js, dist/export.js with its renderers
 * dist/export-docx.js and dist/export-pdf.js: scripts/build.mjs), required the first time one is
 * used.
 */
export function activate(context: vscode.ExtensionContext): DialogueGuideInternals {
  return activateExtension(context, {
    loadFeatures: () => import('./onFirstUse'),
    loadExporter: () => import('../export/exporter'),
  });
}
