/**
 * The demo: the real task pane beside a simulated workbook loaded with the sample appendix,
 * for machines without Excel. The pane talks to the fake Excel exactly as it talks to Office.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createExcelHost } from '../excel/office-host';
import { App } from '../taskpane/App';
import { PaneController } from '../taskpane/controller';
import { paneEngine } from '../taskpane/engine-client';
import { FakeWorkbook } from './fake-excel';
import { SheetView } from './SheetView';

type SampleSheet = { name: string; cells: [number, number, string | number | boolean | null, string | null, number][] };

function Demo({ book, controller }: { book: FakeWorkbook; controller: PaneController }): React.ReactElement {
  const [version, setVersion] = React.useState(0);
  React.useEffect(() => controller.subscribe(() => setVersion((v) => v + 1)), [controller]);
  return (
    <div style={{ display: 'flex', height: '100vh' }}>
      <div style={{ flex: 1, minWidth: 0, borderRight: '1px solid #ccc' }}>
        <SheetView
          book={book}
          version={version}
          onActivate={(name) => {
            book.activeSheet = name;
            setVersion((v) => v + 1);
          }}
        />
      </div>
      <aside style={{ width: 360, overflow: 'auto' }} aria-label="PhuLuc">
        <App controller={controller} lang={new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'vi'} />
      </aside>
    </div>
  );
}

async function main(): Promise<void> {
  const sheets: SampleSheet[] = await (await fetch('sample-workbook.json')).json();
  const book = new FakeWorkbook();
  for (const s of sheets) {
    const sheet = book.addSheet(s.name);
    for (const [r, c, value, numberFormat, bold] of s.cells) sheet.cells.set(`${r},${c}`, { value, numberFormat: numberFormat ?? undefined, bold: bold === 1 });
  }
  book.activeSheet = new URLSearchParams(location.search).get('sheet') ?? 'PL VII';
  // The simulated workbook, for a person (or a test) to look into from the browser's console.
  (window as unknown as { demoWorkbook: FakeWorkbook }).demoWorkbook = book;
  const controller = new PaneController(createExcelHost(book.run, { settings: book.settingsStore, supports: book.supports }), paneEngine());
  createRoot(document.getElementById('root')!).render(
    <FluentProvider theme={webLightTheme}>
      <Demo book={book} controller={controller} />
    </FluentProvider>,
  );
}

void main();
