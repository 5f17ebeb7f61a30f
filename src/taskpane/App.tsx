/** The task pane: renders the controller's state and dispatches its actions; it never calls Excel. */
import * as React from 'react';
import { Badge, Button, Caption1, Checkbox, Divider, Field, Input, MessageBar, MessageBarBody, Select, Spinner, Subtitle2, Text } from '@fluentui/react-components';
import type { MeasureId } from '../engine/layouts/types';
import type { TierMode } from '../engine/output/ranking-options';
import type { PresetId } from '../engine/layouts/class-presets';
import { PaneController } from './controller';
import { SheetView, TableView } from './engine-client';
import { messageText } from './messages';
import { Language, STRINGS } from './strings';

const COLOR = { error: 'danger', warning: 'warning', info: 'informative' } as const;

export function App({ controller, lang }: { controller: PaneController; lang: Language }): React.ReactElement {
  const state = React.useSyncExternalStore(controller.subscribe, controller.getState);
  const t = STRINGS[lang];
  const settings = state.settings;
  const active = controller.activeReport();
  const measures = (active?.tables ?? []).flatMap((tb) => tb.measures).filter((m, i, all) => all.findIndex((x) => x.id === m.id) === i);
  const measureName = (m: (typeof measures)[number]) => (m.id in t.measures ? t.measures[m.id as keyof typeof t.measures] : lang === 'vi' ? m.title : m.titleEn);
  const busy = Boolean(state.busy);

  return (
    <main style={{ padding: 12, display: 'flex', flexDirection: 'column', gap: 10 }}>
      <Button appearance="primary" onClick={controller.check} disabled={busy}>
        {settings.wholeWorkbook ? t.checkWorkbook : t.check}
      </Button>
      <Checkbox checked={settings.wholeWorkbook} onChange={(_, d) => controller.updateSettings({ wholeWorkbook: Boolean(d.checked) })} label={t.wholeWorkbook} />
      {state.busy && <Spinner size="small" label={messageText(state.busy, lang)} />}
      {state.error && (
        <MessageBar intent="error">
          <MessageBarBody>
            {messageText(state.error, lang)}
            {state.errorDetail && <Details label={t.details} text={state.errorDetail} />}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.notice && (
        <MessageBar intent={state.notice.code === 'sheet-changed' || state.notice.code === 'preview-stale' || state.notice.code === 'unavailable' ? 'warning' : 'success'}>
          <MessageBarBody>{messageText(state.notice, lang)}</MessageBarBody>
        </MessageBar>
      )}
      {state.reports.length > 0 && <Summary reports={state.reports} lang={lang} />}
      {state.reports.map((report) => (
        <SheetFindings key={report.sheet} report={report} lang={lang} onSelect={(cell) => controller.select(report.sheet, cell)} />
      ))}
      {state.crossSheet.length > 0 && (
        <section aria-label={t.crossSheet}>
          <Subtitle2>{t.crossSheet}</Subtitle2>
          {state.crossSheet.map((l, i) => (
            <Caption1 block key={i}>
              {l.holds ? '✓' : '✗'} "{l.from.label}" ({l.from.sheet}) = {t.totalOf} "{l.to.sheet}"
            </Caption1>
          ))}
        </section>
      )}
      {active && active.tables.length > 0 && (
        <>
          <Divider />
          <Button onClick={controller.toggleHighlight} disabled={busy}>
            {state.highlighted.length ? t.unhighlight : t.highlight}
          </Button>
          <Checkbox checked={settings.applySuggestions} onChange={(_, d) => controller.updateSettings({ applySuggestions: Boolean(d.checked) })} label={t.suggestions} />
          <Button onClick={controller.previewFix} disabled={busy}>
            {t.recompute}
          </Button>
          {state.preview && (
            <>
              {state.preview.notices.map((n) => (
                <Caption1 key={n.code}>{n.code === 'kept-for-review' && n.cells ? t.keptForReview(n.cells) : lang === 'vi' ? n.message : n.messageEn}</Caption1>
              ))}
              {state.preview.edits.length ? (
                <Button appearance="primary" onClick={controller.applyFix} disabled={busy}>
                  {t.apply(state.preview.edits.length, state.preview.sheet)}
                </Button>
              ) : (
                <Text>{t.nothingToFix}</Text>
              )}
            </>
          )}
        </>
      )}
      {measures.length > 0 && (
        <>
          <Divider />
          <Field label={t.measure}>
            <Select value={measures.some((m) => m.id === settings.measure) ? settings.measure : measures[0].id} onChange={(_, d) => controller.updateSettings({ measure: d.value as MeasureId })}>
              {measures.map((m) => (
                <option key={m.id} value={m.id}>
                  {measureName(m)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t.tier}>
            <Select value={settings.tier} onChange={(_, d) => controller.updateSettings({ tier: d.value as TierMode })}>
              {(['groups', 'all', 'top'] as const).map((x) => (
                <option key={x} value={x}>
                  {t.tiers[x]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t.preset}>
            <Select value={settings.preset} onChange={(_, d) => controller.updateSettings({ preset: d.value as PresetId | 'none' | 'typed' })}>
              {(['khanh-hoa', 'bnv', 'typed', 'none'] as const).map((x) => (
                <option key={x} value={x}>
                  {t.presets[x]}
                </option>
              ))}
            </Select>
          </Field>
          {settings.preset === 'typed' && (
            <Field label={t.bands}>
              <Input value={settings.bands} placeholder="Xuất sắc ≥ 90; Tốt ≥ 80; Khá ≥ 70; Yếu" onChange={(_, d) => controller.updateSettings({ bands: d.value.slice(0, 300) })} />
            </Field>
          )}
          <Button onClick={controller.rank} disabled={busy}>
            {t.rank}
          </Button>
        </>
      )}
    </main>
  );
}

/**
 * The count of errors and warnings of everything checked, first of all; figures that could not be
 * checked are a state of their own, never "0 lỗi" alone.
 */
function Summary({ reports, lang }: { reports: SheetView[]; lang: Language }): React.ReactElement {
  const t = STRINGS[lang];
  const findings = reports.flatMap((r) => r.tables.flatMap((tb) => tb.findings));
  const count = (severity: string) => findings.filter((f) => f.severity === severity).length;
  const errors = count('error');
  const unchecked = reports.reduce((n, r) => n + r.unchecked.length, 0);
  return (
    <div role="status">
      <Text block weight="semibold" style={{ color: errors ? '#b10e1c' : unchecked ? '#8a5300' : undefined }}>
        {t.summary(errors, count('warning'))}
        {unchecked > 0 && ` · ${t.uncheckedSummary(unchecked)}`}
      </Text>
      {unchecked > 0 && !errors && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.notAllChecked}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

/** Excel's own words, behind a toggle: useful to IT, noise to everyone else. */
function Details({ label, text }: { label: string; text: string }): React.ReactElement {
  return (
    <details>
      <summary>{label}</summary>
      <Caption1>{text}</Caption1>
    </details>
  );
}

function SheetFindings({ report, lang, onSelect }: { report: SheetView; lang: Language; onSelect: (cell: string) => void }): React.ReactElement {
  const t = STRINGS[lang];
  return (
    <section aria-label={report.sheet}>
      <Subtitle2 block>
        {t.sheet} "{report.sheet}"
      </Subtitle2>
      {report.notices.map((n) => (
        <Caption1 block key={n.code}>
          {lang === 'vi' ? n.message : n.messageEn}
        </Caption1>
      ))}
      {report.tables.map((table) => (
        <TableFindings key={table.range} table={table} coverage={coverageOf(report, table.range)} lang={lang} onSelect={onSelect} />
      ))}
      {report.unchecked.length > 0 && (
        <section aria-label={t.uncheckedTitle}>
          <Text block weight="semibold">
            {t.uncheckedTitle}
          </Text>
          <ul style={{ margin: 0, paddingLeft: 0, listStyle: 'none' }}>
            {report.unchecked.map((u) => (
              <li key={u.range} style={{ padding: '4px 0', borderBottom: '1px solid #eee' }}>
                <Button appearance="transparent" size="small" data-range={u.range} onClick={() => onSelect(u.range)} style={{ padding: 0, minWidth: 0 }}>
                  {u.range}
                </Button>
                <Caption1 block>{lang === 'vi' ? u.message : u.messageEn}</Caption1>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}

/** How much of a table the check covered: all of it, part, or none of its figures. */
function coverageOf(report: SheetView, range: string): 'all' | 'part' | 'none' {
  const inTable = report.unchecked.filter((u) => u.table === range);
  return inTable.some((u) => u.reason === 'no-relation') ? 'none' : inTable.length ? 'part' : 'all';
}

function TableFindings({ table, coverage, lang, onSelect }: { table: TableView; coverage: 'all' | 'part' | 'none'; lang: Language; onSelect: (cell: string) => void }): React.ReactElement {
  const t = STRINGS[lang];
  const order = { error: 0, warning: 1, info: 2 };
  const findings = [...table.findings].sort((a, b) => order[a.severity] - order[b.severity]);
  return (
    <section aria-label={`${t.table} ${table.range}`}>
      <Text block weight="semibold">
        {lang === 'vi' ? table.layoutName : table.layoutNameEn} ({table.range})
      </Text>
      {table.notices.map((n) => (
        <Caption1 block key={n.code}>
          {lang === 'vi' ? n.message : n.messageEn}
        </Caption1>
      ))}
      {findings.length === 0 && <Text block>{coverage === 'none' ? t.noneChecked : coverage === 'part' ? t.partlyChecked : t.noFinding}</Text>}
      {findings.map((f, i) => (
        <div
          key={i}
          role="button"
          tabIndex={0}
          data-cell={f.cell}
          onClick={() => onSelect(f.cell)}
          onKeyDown={(e) => e.key === 'Enter' && onSelect(f.cell)}
          style={{ cursor: 'pointer', padding: '6px 0', borderBottom: '1px solid #eee' }}
        >
          <Badge color={COLOR[f.severity]}>{t.severity[f.severity]}</Badge> <Text weight="semibold">{f.cell}</Text>
          <Caption1 block>{(lang === 'vi' ? f.brief : f.briefEn) ?? (lang === 'vi' ? f.message : f.messageEn)}</Caption1>
          {f.brief && <Details label={t.details} text={lang === 'vi' ? f.message : f.messageEn} />}
        </div>
      ))}
    </section>
  );
}
