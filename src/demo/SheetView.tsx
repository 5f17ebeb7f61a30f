/** The simulated workbook as a person sees it: a grid of the active sheet and its tabs. */
import { columnLetters, parseAddress } from '../engine/read/address';
import * as React from 'react';
import { FakeChartRecord, FakeWorkbook } from './fake-excel';

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
        {sheet.charts.map((chart, i) => (
          <BarChart key={i} book={book} chart={chart} sheetName={sheet.name} />
        ))}
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

/** The cells of a one-column range, top to bottom. */
function columnCells(book: FakeWorkbook, sheetName: string, address: string, column: 'first' | 'last'): (string | number | null)[] {
  const [from, to] = address.split(':');
  const { row: top, col: left } = parseAddress(from);
  const { row: bottom, col: right } = parseAddress(to ?? from);
  const col = column === 'first' ? left : right;
  const cells = book.sheet(sheetName).cells;
  return Array.from({ length: bottom - top + 1 }, (_, i) => cells.get(`${top + i},${col}`)?.value ?? null) as (string | number | null)[];
}

/** A bar chart the pane added, drawn as Excel would show it beside the table (its title, names, bars and values). */
function BarChart({ book, chart, sheetName }: { book: FakeWorkbook; chart: FakeChartRecord; sheetName: string }): React.ReactElement {
  const values = columnCells(book, sheetName, chart.source, 'last').map((v) => (typeof v === 'number' ? v : 0));
  const names = chart.xValues ? columnCells(book, sheetName, chart.xValues, 'first') : columnCells(book, sheetName, chart.source, 'first');
  const order = chart.reversed ? values.map((_, i) => i) : values.map((_, i) => values.length - 1 - i);
  const max = Math.max(...values, 1);
  const bar = 22;
  const label = 190;
  const width = 420;
  const height = 40 + order.length * bar;
  const shown = (v: number) => (v <= 1 && values.every((x) => x <= 1) ? `${(v * 100).toFixed(2)}%` : v.toFixed(2));
  return (
    <figure style={{ margin: '12px 8px', display: 'inline-block', border: '1px solid #d0d0d0', background: 'white' }} aria-label={`Biểu đồ ${chart.title}`}>
      <svg width={width + label + 60} height={height} role="img" aria-label={`${chart.title}: ${order.map((i) => `${names[i]} ${shown(values[i])}`).join(', ')}`}>
        <text x={(width + label + 60) / 2} y={20} textAnchor="middle" fontWeight={600} fontSize={13}>
          {chart.title}
        </text>
        {order.map((i, k) => (
          <g key={i} data-bar={String(names[i])}>
            <text x={label - 6} y={40 + k * bar + 14} textAnchor="end" fontSize={11}>
              {String(names[i] ?? '')}
            </text>
            <rect x={label} y={40 + k * bar + 3} width={(width * values[i]) / max} height={bar - 8} fill="#305496" />
            {chart.showValue && (
              <text x={label + (width * values[i]) / max + 4} y={40 + k * bar + 14} fontSize={11}>
                {shown(values[i])}
              </text>
            )}
          </g>
        ))}
      </svg>
    </figure>
  );
}
