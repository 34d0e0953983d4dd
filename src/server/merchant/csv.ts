/**
 * CSV for spreadsheets: UTF-8 with a byte order mark (Excel reads accents right only with it),
 * RFC 4180 quoting, CRLF line ends, and text cells that a spreadsheet would run as a formula
 * defused with a leading `'`.
 */

/** An amount we write ourselves, in integer cents: a plain decimal (`1249.99`, `-0.01`), never defused. */
export interface CsvAmount {
  cents: number;
}

/** Text (from Flexiti or the merchant: defused when needed), an amount, or an empty cell. */
export type CsvCell = string | CsvAmount | null;

const BOM = '\uFEFF';
const CRLF = '\r\n';
/** What makes Excel, LibreOffice or Google Sheets read a cell as a formula (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** `1249.99` from 124999: from the integer, so no float ever prints as `0.30000000000000004`. */
export function formatCents(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Not a whole number of cents: ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * One cell. Text that begins like a formula gets a `'` in front, which spreadsheets show as text;
 * amounts are ours and stay numbers, negative ones included, so the sheet can add them up.
 */
export function csvCell(cell: CsvCell): string {
  if (cell === null) return '';
  const text = typeof cell === 'string' ? (FORMULA_START.test(cell) ? `'${cell}` : cell) : formatCents(cell.cents);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The whole file: BOM, then each line's cells joined by commas, each line ended by CRLF. */
export function csvDocument(lines: readonly (readonly CsvCell[])[]): string {
  return BOM + lines.map((line) => line.map(csvCell).join(',') + CRLF).join('');
}
