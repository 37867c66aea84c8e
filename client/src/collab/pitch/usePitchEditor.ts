import { useEditor } from '@tiptap/react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { canEdit, useOpenDoc } from '../docContext';
import { collaborativeExtensions } from './pitchExtensions';

/**
 * The live TipTap editor of the open pitch doc, made once per connection. Founders edit; everyone
 * else gets a read-only view of the same live text (with carets and comment highlights).
 */
export function usePitchEditor(onActivateThread: (id: string) => void) {
  const { t } = useTranslation();
  const { connection, access } = useOpenDoc();
  const editable = canEdit(access);
  const activate = useRef(onActivateThread);
  activate.current = onActivateThread;
  return useEditor(
    {
      extensions: collaborativeExtensions(connection, editable, (id) => activate.current(id)),
      editable,
      shouldRerenderOnTransaction: false,
      editorProps: { attributes: { class: 'pitch-prose', 'aria-label': t('collab.pitch.editorLabel') } },
    },
    [connection, editable],
  );
}
