/** The simulated workbook as a person sees it: a grid of the active sheet and its tabs. */
import { columnLetters } from '../engine/read/address';
import * as React from 'react';
import { FakeWorkbook } from './fake-excel';

const letters = columnLetters;

export function SheetView({ book, version, onActivate }: { book: FakeWorkbook; version: number; onActivate: (name: string) => void }): React.ReactElement {
  const sheet = book.sheet(book.activeSheet);
  const keys = [...sheet.cells.keys()].map((k) => k.split(',').map(Number));
  const rows = keys.reduce((m, k) => Math.max(m, k[0]), 0) + 1;
  const cols = keys.reduce((m, k) => Math.max(m, k[1]), 0) + 1;
  const selected = book.selection;
  const grid = React.useRef<HTMLDivElement>(null);
  // Like Excel, selecting a cell brings it into view.
  React.useEffect(() => {
    grid.current?.querySelector('[data-selected="true"]')?.scrollIntoView({ block: 'center', inline: 'nearest' });
  }, [selected, version]);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%' }} data-version={version}>
      <div ref={grid} style={{ overflow: 'auto', flex: 1, fontFamily: 'Calibri, Arial, sans-serif', fontSize: 12 }}>
        <table style={{ borderCollapse: 'collapse' }} aria-label={`Trang tính ${sheet.name}`}>
          <thead>
            <tr>
              <th />
              {Array.from({ length: cols }, (_, c) => (
                <th key={c} style={{ background: '#f3f3f3', border: '1px solid #ddd', padding: '0 4px' }}>
                  {letters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, r) => (
              <tr key={r}>
                <th style={{ background: '#f3f3f3', border: '1px solid #ddd', padding: '0 4px' }}>{r + 1}</th>
                {Array.from({ length: cols }, (_, c) => {
                  const cell = sheet.cells.get(`${r},${c}`);
                  const address = `${letters(c)}${r + 1}`;
                  const isSelected = selected === address;
                  return (
                    <td
                      key={c}
                      data-address={address}
                      data-selected={isSelected ? 'true' : undefined}
                      style={{
                        border: isSelected ? '2px solid #107c41' : '1px solid #e5e5e5',
                        background: cell?.fill ?? 'white',
                        fontWeight: cell?.bold ? 600 : 400,
                        padding: '1px 4px',
                        whiteSpace: 'nowrap',
                        maxWidth: 260,
                        overflow: 'hidden',
                        textAlign: typeof cell?.value === 'number' ? 'right' : 'left',
                      }}
                    >
                      {book.text(cell)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav style={{ display: 'flex', gap: 2, borderTop: '1px solid #ccc', background: '#f3f3f3', flexWrap: 'wrap' }} aria-label="Các trang tính">
        {book.sheets.map((s) => (
          <button
            key={s.name}
            role="tab"
            aria-selected={s.name === book.activeSheet}
            onClick={() => onActivate(s.name)}
            style={{ border: 'none', padding: '4px 10px', background: s.name === book.activeSheet ? 'white' : 'transparent', fontWeight: s.name === book.activeSheet ? 600 : 400 }}
          >
            {s.name}
          </button>
        ))}
      </nav>
    </div>
  );
}
