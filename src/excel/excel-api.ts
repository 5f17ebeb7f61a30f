/**
 * The part of the Office.js Excel API that PhuLuc uses, as a typed subset of `@types/office-js`.
 * The Office host is written against these interfaces, and the in-memory fake implements them; the
 * checks at the end compile only while Office.js itself has every member listed here with a
 * compatible type. A call to an API Office.js lacks therefore fails to compile in the host (the
 * subset does not have it) or here (the subset claims what Office.js does not have).
 *
 * Each member names its requirement set. The core (check, highlight, recompute with backup and
 * log, insert a ranking) needs only ExcelApi 1.1, which Excel 2016 supports; everything above it
 * is asked for with `isSetSupported` first (see FEATURES).
 */

/** A requirement set's version, e.g. '1.7' for ExcelApi 1.7. */
export type ApiVersion = `1.${number}`;

/** What the add-in uses beyond ExcelApi 1.1, and the version each needs. */
export const FEATURES = {
  /** Read only the cells with values (getUsedRange(true)). */
  valuesOnlyUsedRange: '1.2',
  /** Sheet protection, read before any write. */
  protection: '1.2',
  /** Column widths fitted on inserted sheets. */
  autofit: '1.2',
  /** Hidden (filtered) rows, through the range's visible view. */
  hiddenRows: '1.3',
  /** A sheet or used range that may not exist, read in the same round trip. */
  nullObjects: '1.4',
  /** A colour scale on the ranking's measure. */
  conditionalFormats: '1.6',
  /** Backup as an exact copy of the sheet (otherwise values, formulas and number formats are copied). */
  sheetCopy: '1.7',
  /** Frozen header rows on inserted sheets. */
  freezePanes: '1.7',
  /** Bold per cell in one request (otherwise per row, then per cell for mixed rows). */
  cellProperties: '1.9',
  /** Landscape page on inserted sheets. */
  pageLayout: '1.9',
  /** Findings as cell comments. */
  comments: '1.10',
  /** Merged areas among the figures. */
  mergedAreas: '1.13',
  /** A ranking chart of columns that are not side by side, and its bars best first from the top. */
  chartSeries: '1.7',
} as const satisfies Record<string, ApiVersion>;

export type Feature = keyof typeof FEATURES;

/** The core's requirement set: what the manifest asks for. */
export const CORE_VERSION: ApiVersion = '1.1';

/** ExcelApi 1.1 unless noted. */
export interface RangeFillApi {
  color: Excel.RangeFill['color'];
  /** ExcelApi 1.9. */
  pattern: Excel.RangeFill['pattern'];
  clear(): void;
  load(propertyNames?: string | string[]): RangeFillApi;
}

export interface RangeFontApi {
  bold: Excel.RangeFont['bold'];
  load(propertyNames?: string | string[]): RangeFontApi;
}

export interface RangeFormatApi {
  readonly fill: RangeFillApi;
  readonly font: RangeFontApi;
  /** ExcelApi 1.2. */
  autofitColumns(): void;
}

export interface ColorScaleApi {
  criteria: Excel.ConditionalColorScaleCriteria;
}

/** ExcelApi 1.6. */
export interface ConditionalFormatApi {
  readonly colorScale: ColorScaleApi;
}

/** ExcelApi 1.6. */
export interface ConditionalFormatCollectionApi {
  add(type: 'ColorScale'): ConditionalFormatApi;
}

/** ExcelApi 1.3. */
export interface RangeViewApi {
  readonly cellAddresses: Excel.RangeView['cellAddresses'];
  load(propertyNames?: string | string[]): RangeViewApi;
}

/** ExcelApi 1.9 (RangeAreas). */
export interface RangeAreasApi {
  readonly address: string;
  readonly isNullObject: boolean;
  load(propertyNames?: string | string[]): RangeAreasApi;
}

export interface RangeApi {
  values: Excel.Range['values'];
  readonly text: Excel.Range['text'];
  numberFormat: Excel.Range['numberFormat'];
  formulas: Excel.Range['formulas'];
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  /** True for the null object a ...OrNullObject method returns (ExcelApi 1.4). */
  readonly isNullObject: boolean;
  readonly format: RangeFormatApi;
  /** ExcelApi 1.6. */
  readonly conditionalFormats: ConditionalFormatCollectionApi;
  load(propertyNames?: string | string[]): RangeApi;
  /** ExcelApi 1.9. */
  getCellProperties(cellPropertiesLoadOptions: Excel.CellPropertiesLoadOptions): OfficeExtension.ClientResult<Excel.CellProperties[][]>;
  getColumn(column: number): RangeApi;
  /** ExcelApi 1.3. */
  getVisibleView(): RangeViewApi;
  /** ExcelApi 1.13. */
  getMergedAreasOrNullObject(): RangeAreasApi;
  select(): void;
}

export interface TableApi {
  style: string;
}

export interface TableCollectionApi {
  add(address: string, hasHeaders: boolean): TableApi;
}

/** ExcelApi 1.7. */
export interface FreezePanesApi {
  freezeRows(count?: number): void;
}

/** ExcelApi 1.9. */
export interface PageLayoutApi {
  orientation: Excel.PageLayout['orientation'];
}

/** ExcelApi 1.2. */
export interface WorksheetProtectionApi {
  readonly protected: boolean;
  load(propertyNames?: string | string[]): WorksheetProtectionApi;
}

/** ExcelApi 1.1. */
export interface ChartTitleApi {
  text: string;
}

export interface ChartAxisApi {
  /** ExcelApi 1.7. */
  reversePlotOrder: boolean;
}

/** ExcelApi 1.1. */
export interface ChartAxesApi {
  readonly categoryAxis: ChartAxisApi;
}

/** ExcelApi 1.1. */
export interface ChartLegendApi {
  visible: boolean;
}

/** ExcelApi 1.1. */
export interface ChartDataLabelsApi {
  showValue: boolean;
}

export interface ChartSeriesApi {
  /** ExcelApi 1.7. */
  setXAxisValues(sourceData: RangeApi): void;
}

/** ExcelApi 1.1. */
export interface ChartSeriesCollectionApi {
  getItemAt(index: number): ChartSeriesApi;
}

/** ExcelApi 1.1. */
export interface ChartApi {
  readonly title: ChartTitleApi;
  readonly axes: ChartAxesApi;
  readonly legend: ChartLegendApi;
  readonly dataLabels: ChartDataLabelsApi;
  readonly series: ChartSeriesCollectionApi;
  setPosition(startCell: RangeApi | string, endCell?: RangeApi | string): void;
}

/** ExcelApi 1.1. */
export interface ChartCollectionApi {
  add(type: 'BarClustered', sourceData: RangeApi, seriesBy?: 'Auto' | 'Columns' | 'Rows'): ChartApi;
}

export interface WorksheetApi {
  name: string;
  readonly charts: ChartCollectionApi;
  readonly visibility: Excel.SheetVisibility | 'Visible' | 'Hidden' | 'VeryHidden';
  readonly isNullObject: boolean;
  readonly tables: TableCollectionApi;
  /** ExcelApi 1.7. */
  readonly freezePanes: FreezePanesApi;
  /** ExcelApi 1.9. */
  readonly pageLayout: PageLayoutApi;
  /** ExcelApi 1.2. */
  readonly protection: WorksheetProtectionApi;
  load(propertyNames?: string | string[]): WorksheetApi;
  getRange(address?: string): RangeApi;
  /** On a blank sheet, the top left cell. `valuesOnly` is ExcelApi 1.2. */
  getUsedRange(valuesOnly?: boolean): RangeApi;
  /** ExcelApi 1.4. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeApi;
  activate(): void;
  /** ExcelApi 1.7: the copy goes to the end. */
  copy(positionType?: 'End'): WorksheetApi;
  delete(): void;
}

export interface WorksheetCollectionApi {
  readonly items: WorksheetApi[];
  load(propertyNames?: string | string[]): WorksheetCollectionApi;
  getActiveWorksheet(): WorksheetApi;
  getItem(key: string): WorksheetApi;
  /** ExcelApi 1.4. */
  getItemOrNullObject(key: string): WorksheetApi;
  add(name?: string): WorksheetApi;
}

/** ExcelApi 1.10. */
export interface CommentApi {
  readonly content: string;
  load(propertyNames?: string | string[]): CommentApi;
  getLocation(): RangeApi;
  delete(): void;
}

/** ExcelApi 1.10. */
export interface CommentCollectionApi {
  readonly items: CommentApi[];
  load(propertyNames?: string | string[]): CommentCollectionApi;
  add(cellAddress: string, content: string): CommentApi;
}

export interface WorkbookApi {
  readonly worksheets: WorksheetCollectionApi;
  /** ExcelApi 1.10. */
  readonly comments: CommentCollectionApi;
}

export interface ContextApi {
  readonly workbook: WorkbookApi;
  sync(): Promise<void>;
}

/** Excel.run, or the fake's. */
export type ExcelRun = <T>(batch: (context: ContextApi) => Promise<T>) => Promise<T>;

/** Compiles only when `Real` (Office.js) has every member of `Api` with a compatible type. */
export type Conforms<Real extends Api, Api> = [Real, Api];

/** The subset above, checked against Office.js. Not used at run time. */
export type OfficeConformance = [
  Conforms<Excel.RequestContext, ContextApi>,
  Conforms<Excel.Workbook, WorkbookApi>,
  Conforms<Excel.WorksheetCollection, WorksheetCollectionApi>,
  Conforms<Excel.Worksheet, WorksheetApi>,
  Conforms<Excel.WorksheetProtection, WorksheetProtectionApi>,
  Conforms<Excel.WorksheetFreezePanes, FreezePanesApi>,
  Conforms<Excel.PageLayout, PageLayoutApi>,
  Conforms<Excel.TableCollection, TableCollectionApi>,
  Conforms<Excel.Table, TableApi>,
  Conforms<Excel.Range, RangeApi>,
  Conforms<Excel.RangeView, RangeViewApi>,
  Conforms<Excel.RangeAreas, RangeAreasApi>,
  Conforms<Excel.RangeFormat, RangeFormatApi>,
  Conforms<Excel.RangeFill, RangeFillApi>,
  Conforms<Excel.RangeFont, RangeFontApi>,
  Conforms<Excel.ConditionalFormatCollection, ConditionalFormatCollectionApi>,
  Conforms<Excel.ConditionalFormat, ConditionalFormatApi>,
  Conforms<Excel.ColorScaleConditionalFormat, ColorScaleApi>,
  Conforms<Excel.ChartCollection, ChartCollectionApi>,
  Conforms<Excel.Chart, ChartApi>,
  Conforms<Excel.ChartTitle, ChartTitleApi>,
  Conforms<Excel.ChartAxes, ChartAxesApi>,
  Conforms<Excel.ChartAxis, ChartAxisApi>,
  Conforms<Excel.ChartLegend, ChartLegendApi>,
  Conforms<Excel.ChartDataLabels, ChartDataLabelsApi>,
  Conforms<Excel.ChartSeriesCollection, ChartSeriesCollectionApi>,
  Conforms<Excel.ChartSeries, ChartSeriesApi>,
  Conforms<Excel.CommentCollection, CommentCollectionApi>,
  Conforms<Excel.Comment, CommentApi>,
];

/** Excel.run typed to the subset: a RequestContext is a ContextApi (checked above). */
export const officeRun: ExcelRun = (batch) => Excel.run((context) => batch(context));
