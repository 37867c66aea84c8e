import { useDoc } from './docStore';

/** Quotes a value for a CSS attribute selector. */
const cssString = (v: string) => `"${v.replace(/["\\\n]/g, (c) => (c === '\n' ? '\\a ' : `\\${c}`))}"`;

/** The stylesheet that colours everyone's caret, label and selection with their assigned colour. */
export function CaretColors() {
  const people = useDoc((s) => s.people);
  const css = people
    .map((p) => {
      const sel = `[data-caret-user=${cssString(p.id)}]`;
      return `.collaboration-carets__caret${sel}{border-color:${p.color}}${sel} .collaboration-carets__label{background-color:${p.color}}.collaboration-carets__selection${sel}{background-color:${p.color}33}`;
    })
    .join('\n');
  return <style data-testid="caret-colors">{css}</style>;
}
