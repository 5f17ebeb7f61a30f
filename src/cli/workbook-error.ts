/** A workbook file that cannot be used, said in Vietnamese and English (the command exits 2). */
export class WorkbookReadError extends Error {
  constructor(
    readonly messageVi: string,
    readonly messageEn: string,
  ) {
    super(messageEn);
  }
}
