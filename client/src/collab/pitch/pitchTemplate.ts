/** The "Insert pitch template" content: one H2 per section with an italic placeholder paragraph. */
import type { JSONContent } from '@tiptap/core';

/** The sections, in the order investors expect them. Headings and prompts come from i18n. */
export const PITCH_SECTIONS = ['problem', 'solution', 'market', 'traction', 'team', 'ask'] as const;
export type PitchSection = (typeof PITCH_SECTIONS)[number];

export interface PitchSectionText {
  heading: string;
  prompt: string;
}

/** ProseMirror JSON for the template, given each section's heading and prompt in the UI language. */
export function pitchTemplateContent(text: (section: PitchSection) => PitchSectionText): JSONContent[] {
  return PITCH_SECTIONS.flatMap((section) => {
    const { heading, prompt } = text(section);
    return [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: heading }] },
      { type: 'paragraph', content: [{ type: 'text', text: prompt, marks: [{ type: 'italic' }] }] },
    ];
  });
}

/** Where to insert it: over the whole document when it is empty, else at its end. */
export function templateInsertRange(doc: { content: { size: number }; textContent: string; childCount: number }): { from: number; to: number } {
  const empty = doc.childCount <= 1 && doc.textContent.trim() === '';
  return empty ? { from: 0, to: doc.content.size } : { from: doc.content.size, to: doc.content.size };
}
