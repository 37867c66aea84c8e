import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon';
import { pitchTemplateContent, templateInsertRange } from './pitchTemplate';
import { safeUrl } from './safeUrl';

/** Formatting buttons for founders: headings, bold/italic, lists, link, image, undo/redo, template. */
export function EditorToolbar({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const s = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h1: e.isActive('heading', { level: 1 }),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      link: e.isActive('link'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();

  const setLink = () => {
    const current = editor.getAttributes('link').href as string | undefined;
    const raw = window.prompt(t('collab.pitch.linkPrompt'), current ?? 'https://');
    if (raw === null) return;
    if (raw.trim() === '') return void chain().extendMarkRange('link').unsetLink().run();
    const href = safeUrl(raw, { mail: true });
    if (!href) return window.alert(t('collab.pitch.badUrl'));
    chain().extendMarkRange('link').setLink({ href }).run();
  };
  const addImage = () => {
    const raw = window.prompt(t('collab.pitch.imagePrompt'), 'https://');
    if (raw === null || raw.trim() === '') return;
    const src = safeUrl(raw);
    if (!src) return window.alert(t('collab.pitch.badUrl'));
    chain().setImage({ src, alt: '' }).run();
  };
  const insertTemplate = () => {
    const content = pitchTemplateContent((section) => ({
      heading: t(`collab.template.${section}.heading`),
      prompt: t(`collab.template.${section}.prompt`),
    }));
    chain().insertContentAt(templateInsertRange(editor.state.doc), content).run();
  };

  return (
    <div className="editor-toolbar" role="toolbar" aria-label={t('collab.pitch.toolbar')} data-testid="doc-toolbar">
      <ToolGroup>
        <Tool label={t('collab.pitch.heading1')} active={s.h1} onClick={() => chain().toggleHeading({ level: 1 }).run()} text="H1" />
        <Tool label={t('collab.pitch.heading2')} active={s.h2} onClick={() => chain().toggleHeading({ level: 2 }).run()} text="H2" />
        <Tool label={t('collab.pitch.heading3')} active={s.h3} onClick={() => chain().toggleHeading({ level: 3 }).run()} text="H3" />
      </ToolGroup>
      <ToolGroup>
        <Tool label={t('collab.pitch.bold')} active={s.bold} onClick={() => chain().toggleBold().run()} text="B" className="tool--bold" />
        <Tool label={t('collab.pitch.italic')} active={s.italic} onClick={() => chain().toggleItalic().run()} text="I" className="tool--italic" />
        <Tool label={t('collab.pitch.link')} active={s.link} onClick={setLink} icon={<Icon name="link" size={16} />} />
      </ToolGroup>
      <ToolGroup>
        <Tool label={t('collab.pitch.bulletList')} active={s.bullet} onClick={() => chain().toggleBulletList().run()} icon={<Icon name="listBullet" size={16} />} />
        <Tool label={t('collab.pitch.orderedList')} active={s.ordered} onClick={() => chain().toggleOrderedList().run()} icon={<Icon name="listOrdered" size={16} />} />
        <Tool label={t('collab.pitch.image')} onClick={addImage} icon={<Icon name="image" size={16} />} />
      </ToolGroup>
      <ToolGroup>
        <Tool label={t('collab.pitch.undo')} disabled={!s.canUndo} onClick={() => chain().undo().run()} icon={<Icon name="undo" size={16} />} />
        <Tool label={t('collab.pitch.redo')} disabled={!s.canRedo} onClick={() => chain().redo().run()} icon={<Icon name="redo" size={16} />} />
      </ToolGroup>
      <button type="button" className="btn btn--secondary btn--small editor-template" data-testid="doc-template" onClick={insertTemplate}>
        <Icon name="fileText" size={16} />
        {t('collab.pitch.insertTemplate')}
      </button>
    </div>
  );
}

function ToolGroup({ children }: { children: ReactNode }) {
  return <div className="editor-toolgroup">{children}</div>;
}

function Tool(props: { label: string; onClick: () => void; active?: boolean; disabled?: boolean; text?: string; icon?: ReactNode; className?: string }) {
  return (
    <button
      type="button"
      className={`editor-tool${props.active ? ' is-active' : ''}${props.className ? ` ${props.className}` : ''}`}
      aria-label={props.label}
      title={props.label}
      aria-pressed={props.active === undefined ? undefined : props.active}
      disabled={props.disabled}
      // NOTE: keep the editor's selection: a mousedown on the button would otherwise blur it first.
      onMouseDown={(e) => e.preventDefault()}
      onClick={props.onClick}
    >
      {props.icon ?? props.text}
    </button>
  );
}

