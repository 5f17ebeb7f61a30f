/** The task pane: renders the controller's state and dispatches its actions; it never calls Excel. */
import * as React from 'react';
import { Badge, Button, Caption1, Checkbox, Divider, Field, MessageBar, MessageBarBody, Select, Spinner, Subtitle2, Text } from '@fluentui/react-components';
import { MeasureId } from '../engine/layouts';
import { CheckedTable } from '../engine/model';
import { TierMode } from '../engine/ranking';
import { PresetId } from '../engine/ranking-presets';
import { PaneController } from './controller';
import { Language, STRINGS } from './strings';

const COLOR = { error: 'danger', warning: 'warning', info: 'informative' } as const;

export function App({ controller, lang }: { controller: PaneController; lang: Language }): React.ReactElement {
  const state = React.useSyncExternalStore(controller.subscribe, controller.getState);
  const t = STRINGS[lang];
  const [suggestions, setSuggestions] = React.useState(false);
  const [measure, setMeasure] = React.useState<MeasureId>('on-time');
  const [tier, setTier] = React.useState<TierMode>('groups');
  const [preset, setPreset] = React.useState<PresetId | 'none'>('khanh-hoa');
  const measures = [...new Set((state.report?.tables ?? []).flatMap((tb) => tb.model.layout.measures?.map((m) => m.id) ?? []))];

  return (
    <main style={{ padding: 12, display: 'flex', flexDirection: 'column', gap: 10 }}>
      <Button appearance="primary" onClick={controller.check} disabled={Boolean(state.busy)}>
        {t.check}
      </Button>
      {state.busy && <Spinner size="small" label={state.busy} />}
      {state.error && (
        <MessageBar intent="error">
          <MessageBarBody>{state.error}</MessageBarBody>
        </MessageBar>
      )}
      {state.notice && (
        <MessageBar intent="success">
          <MessageBarBody>{state.notice}</MessageBarBody>
        </MessageBar>
      )}
      {state.report && (
        <>
          {state.report.notices.map((n) => (
            <MessageBar key={n.code}>
              <MessageBarBody>{lang === 'vi' ? n.message : n.messageEn}</MessageBarBody>
            </MessageBar>
          ))}
          {state.report.tables.map((table) => (
            <TableFindings key={table.range} table={table} lang={lang} onSelect={controller.select} />
          ))}
          {state.report.tables.length > 0 && (
            <>
              <Divider />
              <Button onClick={controller.toggleHighlight} disabled={Boolean(state.busy)}>
                {state.highlighted.length ? t.unhighlight : t.highlight}
              </Button>
              <Checkbox checked={suggestions} onChange={(_, d) => setSuggestions(Boolean(d.checked))} label={t.suggestions} />
              <Button onClick={() => controller.previewFix(suggestions)} disabled={Boolean(state.busy)}>
                {t.recompute}
              </Button>
              {state.preview && (
                <>
                  {state.preview.notices.map((n) => (
                    <Caption1 key={n.code}>{lang === 'vi' ? n.message : n.messageEn}</Caption1>
                  ))}
                  {state.preview.edits.length ? (
                    <Button appearance="primary" onClick={controller.applyFix} disabled={Boolean(state.busy)}>
                      {t.apply(state.preview.edits.length)}
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
                <Select value={measure} onChange={(_, d) => setMeasure(d.value as MeasureId)}>
                  {measures.map((m) => (
                    <option key={m} value={m}>
                      {t.measures[m]}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={t.tier}>
                <Select value={tier} onChange={(_, d) => setTier(d.value as TierMode)}>
                  {(['groups', 'all', 'top'] as const).map((x) => (
                    <option key={x} value={x}>
                      {t.tiers[x]}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={t.preset}>
                <Select value={preset} onChange={(_, d) => setPreset(d.value as PresetId | 'none')}>
                  {(['khanh-hoa', 'bnv', 'none'] as const).map((x) => (
                    <option key={x} value={x}>
                      {t.presets[x]}
                    </option>
                  ))}
                </Select>
              </Field>
              <Button onClick={() => controller.rank(measures.includes(measure) ? measure : measures[0], tier, preset === 'none' ? undefined : preset)} disabled={Boolean(state.busy)}>
                {t.rank}
              </Button>
            </>
          )}
        </>
      )}
    </main>
  );
}

function TableFindings({ table, lang, onSelect }: { table: CheckedTable; lang: Language; onSelect: (cell: string) => void }): React.ReactElement {
  const t = STRINGS[lang];
  const order = { error: 0, warning: 1, info: 2 };
  const findings = [...table.findings].sort((a, b) => order[a.severity] - order[b.severity]);
  return (
    <section aria-label={`${t.table} ${table.range}`}>
      <Subtitle2>
        {t.table} {table.range}: {table.layout} — {lang === 'vi' ? table.model.layout.name : table.model.layout.nameEn}
      </Subtitle2>
      {findings.length === 0 && <Text block>{t.noFinding}</Text>}
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
          <Caption1 block>{lang === 'vi' ? f.message : f.messageEn}</Caption1>
        </div>
      ))}
    </section>
  );
}
