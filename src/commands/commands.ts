/**
 * Ribbon buttons that work without opening the pane: check (highlight the problem cells, with a
 * comment where Excel supports it), recompute (with the workbook's saved choice about suggestions),
 * and insert a ranking sheet (with the saved measure, tier and classes). They drive the same
 * controller as the pane.
 */
import { officeHost } from '../excel/office-host';
import { PaneController } from '../taskpane/controller';

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

function command(action: (c: PaneController) => Promise<void>): (event: CommandEvent) => Promise<void> {
  return async (event) => {
    try {
      // The controller turns failures into state; a ribbon button has nowhere else to show them.
      await action(new PaneController(officeHost()));
    } finally {
      event.completed();
    }
  };
}

// Outside Office (tests) there is nothing to register with.
if (typeof Office !== 'undefined' && !(window as { PHULUC_LEGACY_WEBVIEW?: boolean }).PHULUC_LEGACY_WEBVIEW) {
  Office.onReady(() => {
    for (const [name, action] of Object.entries(COMMANDS)) Office.actions.associate(name, command(action));
  });
}
