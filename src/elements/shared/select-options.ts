import { nothing } from 'lit';
import { Directive, PartType, directive, type ElementPart, type PartInfo } from 'lit/directive.js';

/** One choice of a `<select>`. */
export interface Choice {
  value: string;
  label: string;
}

/**
 * A select's choices and its value, on the `<select>` itself:
 * `<select ${selectOptions(choices, value)}>`.
 *
 * The options are made with `new Option()` when the choices change (another language, Flexiti's
 * lists arriving), not as a template each: a form's first render with its lists (the months,
 * Flexiti's titles, provinces and questions) costs one part per select instead of three per
 * option. The value is set after its options exist; a value with no option (a list still on its
 * way) shows the first choice, as a select with nothing selected does.
 */
class SelectOptions extends Directive {
  private shown: readonly Choice[] = [];

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('selectOptions() belongs on a <select> element');
  }

  render(_choices: readonly Choice[], _value: string) {
    return nothing;
  }

  override update(part: ElementPart, [choices, value]: Parameters<this['render']>) {
    const select = part.element as HTMLSelectElement;
    if (!sameChoices(this.shown, choices)) {
      select.replaceChildren(...choices.map((choice) => new Option(choice.label, choice.value)));
      this.shown = choices;
    }
    if (select.value !== value) {
      select.value = value;
      if (select.selectedIndex < 0 && select.options.length > 0) select.selectedIndex = 0;
    }
    return nothing;
  }
}

function sameChoices(a: readonly Choice[], b: readonly Choice[]): boolean {
  return a === b || (a.length === b.length && a.every((choice, i) => choice.value === b[i]!.value && choice.label === b[i]!.label));
}

export const selectOptions = directive(SelectOptions);
