/** The --json report: exactly one JSON document describing every sheet, table and finding. */
import { Finding, SheetReport } from '../engine/model';

export interface JsonReport {
  file: string;
  sheets: {
    sheet: string;
    notices: { code: string; message: string; messageEn: string }[];
    tables: { layout: string; layoutName: string; confidence: number; range: string; findings: Finding[] }[];
  }[];
}

export function toJsonReport(file: string, reports: SheetReport[]): JsonReport {
  return {
    file,
    sheets: reports.map((r) => ({
      sheet: r.sheet,
      notices: r.notices,
      tables: r.tables.map((t) => ({
        layout: t.layout,
        layoutName: t.layoutName,
        confidence: t.confidence,
        range: t.range,
        findings: t.findings,
      })),
    })),
  };
}
