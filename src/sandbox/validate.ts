/** Field checks shared by the endpoints, collecting every problem before answering. */
import { parseAmount } from './money.js';

export interface FieldError {
  param: string;
  msg: string;
}

export const REQUIRED = 'required';
export const WRONG_FORMAT = 'wrong format';

export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** `YYYY-MM-DD` naming a real calendar day. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function isEmail(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 100 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}

/** Digits sent as a string or a JSON number (Flexiti's examples use both). */
export function digits(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return value.trim();
  return undefined;
}

export function positiveInt(value: unknown): number | undefined {
  const d = digits(value);
  if (d === undefined) return undefined;
  const n = Number(d);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

export function isPostalCode(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d$/.test(value.trim());
}

export function normalizePostalCode(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** Collects field errors in the order the checks run. */
export class FieldErrors {
  readonly list: FieldError[] = [];

  add(param: string, msg: string): void {
    this.list.push({ param, msg });
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  /** A required or optional string of at most `max` characters (printable ASCII with `ascii`); returns it trimmed. */
  string(
    body: Record<string, unknown>,
    param: string,
    opts: { required: boolean; max: number; ascii?: boolean },
  ): string | undefined {
    const value = body[param];
    if (isBlank(value)) {
      if (opts.required) this.add(param, REQUIRED);
      return undefined;
    }
    if (typeof value !== 'string' || value.trim().length > opts.max || (opts.ascii === true && !/^[\x20-\x7e]*$/.test(value))) {
      this.add(param, WRONG_FORMAT);
      return undefined;
    }
    return value.trim();
  }

  /** An amount in cents; `positive` refuses zero. */
  amount(
    body: Record<string, unknown>,
    param: string,
    opts: { required: boolean; positive: boolean },
  ): number | undefined {
    const value = body[param];
    if (isBlank(value)) {
      if (opts.required) this.add(param, REQUIRED);
      return undefined;
    }
    const cents = parseAmount(value);
    if (cents === undefined || (opts.positive && cents <= 0)) {
      this.add(param, WRONG_FORMAT);
      return undefined;
    }
    return cents;
  }
}
