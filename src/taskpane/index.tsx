/** Task pane entry inside Office: the Office.js host, the display language, then the pane. */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { officeHost } from '../excel/office-host';
import { App } from './App';
import { PaneController } from './controller';
import { paneEngine } from './engine-client';
import { languageOf } from './strings';

declare global {
  interface Window {
    /** Set by legacy-webview.js in Internet Explorer 11 or Edge Legacy, where it explains instead. */
    PHULUC_LEGACY_WEBVIEW?: boolean;
  }
}

Office.onReady(() => {
  if (window.PHULUC_LEGACY_WEBVIEW) return;
  const controller = new PaneController(officeHost(), paneEngine());
  createRoot(document.getElementById('root')!).render(
    <FluentProvider theme={webLightTheme}>
      <App controller={controller} lang={languageOf(Office.context.displayLanguage)} />
    </FluentProvider>,
  );
});
