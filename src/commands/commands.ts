/**
 * Ribbon buttons that work without opening the pane: check (highlight the problem cells, with a
 * comment where Excel supports it), recompute (with the workbook's saved choice about suggestions),
 * and insert a ranking sheet (with the saved measure, tier and classes). They drive the same
 * controller as the pane.
 */
import { officeHost } from '../excel/office-host';
import { PaneController, PaneState } from '../taskpane/controller';
import { messageText } from '../taskpane/messages';
import { Language, languageOf, STRINGS } from '../taskpane/strings';

type CommandEvent = { completed: () => void };

/** The ribbon's function names, as manifest.xml declares them. */
export const COMMANDS = {
  checkSheet: async (c: PaneController) => {
    await c.check();
    await c.refreshHighlights();
  },
  recomputeSheet: async (c: PaneController) => {
    await c.check();
    await c.previewFix();
    await c.applyFix();
  },
  rankSheet: async (c: PaneController) => {
    await c.check();
    await c.rank();
  },
};

/** What a ribbon button says when it is done: its error, else what it did, else what the check found. */
export function ribbonReport(state: PaneState, lang: Language): string {
  if (state.error) return messageText(state.error, lang) + (state.errorDetail ? ` (${state.errorDetail})` : '');
  if (state.notice) return messageText(state.notice, lang);
  const findings = state.reports.flatMap((r) => r.tables.flatMap((t) => t.findings));
  const count = (severity: string) => findings.filter((f) => f.severity === severity).length;
  // Figures not checked are said with the counts, never left behind "0 lỗi".
  const unchecked = state.reports.reduce((n, r) => n + r.unchecked.length, 0);
  return `${state.activeSheet ? `"${state.activeSheet}": ` : ''}${STRINGS[lang].summary(count('error'), count('warning'))}${unchecked ? `, ${STRINGS[lang].uncheckedSummary(unchecked)}` : ''}.`;
}

/** Shows the report in a small dialog (DialogApi 1.1, which Excel 2016 has); the button completes when it is shown. */
function show(text: string, done: () => void): void {
  if (!Office.context.requirements.isSetSupported('DialogApi', '1.1')) return done();
  const page = `${location.href.replace(/[^/]*$/, '')}result.html#${encodeURIComponent(text)}`;
  Office.context.ui.displayDialogAsync(page, { height: 25, width: 30 }, () => done());
}

function command(action: (c: PaneController) => Promise<void>): (event: CommandEvent) => Promise<void> {
  return async (event) => {
    const lang = languageOf(Office.context.displayLanguage);
    let text: string;
    try {
      // The controller turns failures into state; a ribbon button shows them in a dialog.
      const controller = new PaneController(officeHost());
      await action(controller);
      text = ribbonReport(controller.getState(), lang);
    } catch (e) {
      text = String((e as Error)?.message ?? e);
    }
    show(text, () => event.completed());
  };
}

// Outside Office (tests) there is nothing to register with.
if (typeof Office !== 'undefined' && !(window as { PHULUC_LEGACY_WEBVIEW?: boolean }).PHULUC_LEGACY_WEBVIEW) {
  Office.onReady(() => {
    for (const [name, action] of Object.entries(COMMANDS)) Office.actions.associate(name, command(action));
  });
}
