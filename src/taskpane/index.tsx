/** Task pane entry: waits for Office, then renders the pane with the Office.js host. */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { officeHost } from '../excel/office-host';
import { App } from './App';

Office.onReady(() => {
  createRoot(document.getElementById('root')!).render(
    <FluentProvider theme={webLightTheme}>
      <App host={officeHost} />
    </FluentProvider>,
  );
});
