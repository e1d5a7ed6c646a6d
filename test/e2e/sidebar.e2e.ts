import { useWorkbench } from './workbench';

/** The root rows of the Questions view: the built-in guide's four themes, in Danish (the default language). */
const THEMES = [
  'Om at bruge sociale medier',
  'Om enkeltsager og helhedshensyn',
  'Om digital deltagelse',
  'Om samspillet mellem kommunalbestyrelse og forvaltning',
];

describe('The Dialogue Guide side bar', () => {
  const workbench = useWorkbench();

  it("shows the guide's four themes when opened from the activity bar", async () => {
    await workbench().openViewContainer('Dialogue Guide');
    for (const theme of THEMES) await workbench().treeRow(theme).waitFor({ timeout: 20_000 });
    await workbench().screenshot('sidebar');
  });
});
