/**
 * How other people's carets and selections are drawn. The colour is not baked into the element: the
 * caret carries the person's id and `CaretColors` styles it, so when someone joins and colours are
 * re-assigned (two people never share one), carets already on screen change with the presence list.
 */
import type { DecorationAttrs } from '@tiptap/pm/view';

/** The caret: a bar with the person's name above it (TipTap's class names, which tests look for). */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const caret = document.createElement('span');
  caret.classList.add('collaboration-carets__caret');
  caret.dataset.caretUser = String(user.id ?? '');
  const label = document.createElement('div');
  label.classList.add('collaboration-carets__label');
  label.textContent = String(user.name ?? '');
  caret.append(label);
  return caret;
}

/** Someone else's selected text, tinted in their colour. */
export function renderSelection(user: Record<string, unknown>): DecorationAttrs {
  return { nodeName: 'span', class: 'collaboration-carets__selection', 'data-caret-user': String(user.id ?? '') };
}
