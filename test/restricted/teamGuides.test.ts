import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { internals, waitFor } from '../integration/helpers';
import { captureMessages } from '../integration/messages';

const encode = (text: string) => new TextEncoder().encode(text);

describe('Team guides in Restricted Mode', () => {
  it('says that the team guides of guideFolders load once the folder is trusted, with the trust button', async () => {
    const api = await internals();
    const root = vscode.workspace.workspaceFolders![0]!.uri;
    const guide = vscode.Uri.joinPath(root, 'team-guides', 'team');
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(guide, 'guide.md'), encode('---\nid: team-guide\nversion: 1.0.0\nlanguage: da\ntitle: Teamets guide\n---\n'));
    await vscode.workspace.fs.writeFile(
      vscode.Uri.joinPath(guide, 'tema.md'),
      encode('---\nid: tema\norder: 1\ntitle: Tema\nquestions:\n  - id: tema/foerste\n    label: Første\n    text: Hvad gør I?\n---\n'),
    );
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(root, '.vscode', 'settings.json'), encode('{\n  "dialogueGuide.guideFolders": ["team-guides"]\n}\n'));

    const shown = await captureMessages(() => api.guides.reload());
    assert.equal(api.guides.waitingForTrust, true);
    assert.equal(api.guides.guide('team-guide'), undefined, 'Restricted Mode keeps the workspace guide folders from loading');
    const notice = shown.find((m) => m.message.includes('trust'));
    assert.ok(notice, JSON.stringify(shown));
    assert.deepEqual(notice.items, ['Manage Workspace Trust']);

    const document = vscode.Uri.joinPath(root, 'strategy', 'team.md');
    await vscode.workspace.fs.writeFile(document, encode('---\ntitle: "T"\nguide: "team-guide"\nstatus: draft\n---\n\n# T\n'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(document));
    const diagnostic = await waitFor('the missing guide to be reported', () => vscode.languages.getDiagnostics(document).find((d) => d.code === 'document.unknownGuide'));
    assert.match(diagnostic.message, /team guide from dialogueGuide\.guideFolders, it loads once the folder is trusted/);
  });

  it("keeps the guides of .dialogue-guide/guides/ out until the folder is trusted, and counts them as waiting", async () => {
    const api = await internals();
    const root = vscode.workspace.workspaceFolders![0]!.uri;
    const guide = vscode.Uri.joinPath(root, '.dialogue-guide', 'guides', 'own');
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(guide, 'guide.md'), encode('---\nid: own-guide\nversion: 1.0.0\nlanguage: da\ntitle: Egen guide\n---\n'));
    await vscode.workspace.fs.writeFile(
      vscode.Uri.joinPath(guide, 'tema.md'),
      encode('---\nid: tema\norder: 1\ntitle: Tema\nquestions:\n  - id: tema/foerste\n    label: Første\n    text: Hvad gør I?\n---\n'),
    );
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(root, '.vscode', 'settings.json'), encode('{}\n'));
    await api.guides.reload();
    assert.equal(api.guides.guide('own-guide'), undefined);
    assert.equal(api.guides.waitingForTrust, true);
    assert.deepEqual(api.guides.guideRoots, []);
  });
});
