import * as l10n from '@vscode/l10n';
import type { Translate } from '../../../src/l10n/findingMessages';

/** English, as a user without a Danish locale sees it. */
export const english: Translate = (message, args) => l10n.t(message, args);
