/** The task pane: dispatches actions to its host and renders what comes back; it never calls Excel. */
import * as React from 'react';
import { Badge, Button, Caption1, MessageBar, MessageBarBody, Spinner, Subtitle2, Text } from '@fluentui/react-components';
import { checkSheet } from '../engine/check';
import { Finding, SheetReport } from '../engine/model';
import { SheetSource } from '../excel/office-host';

type State =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'done'; report: SheetReport }
  | { kind: 'failed'; message: string };

const SEVERITY: Record<Finding['severity'], { label: string; color: 'danger' | 'warning' | 'informative' }> = {
  error: { label: 'Lỗi', color: 'danger' },
  warning: { label: 'Cảnh báo', color: 'warning' },
  info: { label: 'Ghi chú', color: 'informative' },
};

export function App({ host }: { host: SheetSource }): React.ReactElement {
  const [state, setState] = React.useState<State>({ kind: 'idle' });

  const check = async () => {
    setState({ kind: 'checking' });
    try {
      const sheet = await host.readActiveSheet();
      setState({ kind: 'done', report: checkSheet(sheet) });
    } catch (e) {
      setState({ kind: 'failed', message: `Không đọc được trang tính: ${(e as Error).message}` });
    }
  };

  return (
    <main style={{ padding: 12, display: 'flex', flexDirection: 'column', gap: 12 }}>
      <Button appearance="primary" onClick={check} disabled={state.kind === 'checking'}>
        Kiểm tra trang này
      </Button>
      {state.kind === 'checking' && <Spinner label="Đang kiểm tra…" />}
      {state.kind === 'failed' && (
        <MessageBar intent="error">
          <MessageBarBody>{state.message}</MessageBarBody>
        </MessageBar>
      )}
      {state.kind === 'done' && <Report report={state.report} onSelect={(cell) => host.selectCell(state.report.sheet, cell)} />}
    </main>
  );
}

function Report({ report, onSelect }: { report: SheetReport; onSelect: (cell: string) => void }): React.ReactElement {
  return (
    <section>
      {report.notices.map((n) => (
        <MessageBar key={n.code}>
          <MessageBarBody>{n.message}</MessageBarBody>
        </MessageBar>
      ))}
      {report.tables.map((t) => (
        <div key={t.range} style={{ marginBottom: 12 }}>
          <Subtitle2>
            Bảng {t.range}: {t.layout} — {t.layoutName}
          </Subtitle2>
          {t.findings.length === 0 && <Text block>Không phát hiện sai sót.</Text>}
          {t.findings.map((f, i) => (
            <div key={i} role="button" tabIndex={0} onClick={() => onSelect(f.cell)} style={{ cursor: 'pointer', padding: '6px 0', borderBottom: '1px solid #eee' }}>
              <Badge color={SEVERITY[f.severity].color}>{SEVERITY[f.severity].label}</Badge> <Text weight="semibold">{f.cell}</Text>
              <Caption1 block>{f.message}</Caption1>
            </div>
          ))}
        </div>
      ))}
    </section>
  );
}
