import { FluentType } from "@fluent/bundle";

/**
 * A translation variable inserted as is. Every other string given to a translation is HTML-escaped (see
 * createI18n), so text from people can never become markup; this is for what is already safe: HTML built from
 * translations and escaped pieces, or text bound for a place that is not HTML (a button's label, a file name).
 */
export class Verbatim extends FluentType<string> {
  override toString(): string {
    return this.value;
  }
}

export const verbatim = (value: string) => new Verbatim(value);
