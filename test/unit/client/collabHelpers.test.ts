import { getSchema } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { refusalOf } from '../../../client/src/collab/closeCodes.js';
import { assignColors, CARET_COLORS, colorForUser, peopleFromAwareness } from '../../../client/src/collab/collabUser.js';
import { collabBaseUrl, startupDocName, startupDocPath } from '../../../client/src/collab/docNames.js';
import { findInTextblock } from '../../../client/src/collab/pitch/commentAnchors.js';
import { pitchSchemaExtensions } from '../../../client/src/collab/pitch/pitchExtensions.js';
import { PITCH_SECTIONS, pitchTemplateContent, templateInsertRange } from '../../../client/src/collab/pitch/pitchTemplate.js';
import { safeUrl } from '../../../client/src/collab/pitch/safeUrl.js';
import { CollabClose, parseDocName } from '../../../shared/collabConstants.js';

describe('collaboration helpers', () => {
  it('names documents and pages as the server does, and connects to this host', () => {
    expect(startupDocName('pitch', 'abc_1')).toBe('pitch:abc_1');
    expect(parseDocName(startupDocName('board', 'abc_1'))).toEqual({ kind: 'board', id: 'abc_1' });
    expect(startupDocPath('board', 'abc')).toBe('/startups/abc/board');
    expect(collabBaseUrl({ protocol: 'https:', host: 'hatchery.example' })).toBe('wss://hatchery.example/collab');
    expect(collabBaseUrl({ protocol: 'http:', host: '127.0.0.1:3000' })).toBe('ws://127.0.0.1:3000/collab');
  });

  it('close codes: refusals stop, everything else retries', () => {
    expect(refusalOf(CollabClose.Unauthenticated)).toBe('unauthenticated');
    expect(refusalOf(CollabClose.Forbidden)).toBe('forbidden');
    // An outdated page must reload, not retry forever.
    expect(refusalOf(CollabClose.ProtocolMismatch)).toBe('outdated');
    expect(refusalOf(CollabClose.NotFound)).toBe('notFound');
    expect(refusalOf(CollabClose.LoadFailed)).toBe('loadFailed');
    expect(refusalOf(CollabClose.TooLarge)).toBe('tooLarge');
    expect(refusalOf(CollabClose.BadMessage)).toBe('badMessage');
    for (const code of [CollabClose.ServerShutdown, 1000, 1006, 1009, 1011, undefined]) expect(refusalOf(code)).toBeNull();
  });

  it('caret colours are stable per person and 6-digit hex (y-prosemirror draws no other)', () => {
    expect(colorForUser('u-1')).toBe(colorForUser('u-1'));
    for (const c of CARET_COLORS) expect(c).toMatch(/^#[0-9a-f]{6}$/);
    const used = new Set(Array.from({ length: 200 }, (_, i) => colorForUser(`user-${i}`)));
    expect(used.size).toBe(CARET_COLORS.length);
  });

  it('people present never share a colour (until there are more people than colours), and all agree', () => {
    // Find ids whose own colours collide.
    const ids = Array.from({ length: 400 }, (_, i) => `user-${i}`);
    const [a, b] = ids.filter((id) => colorForUser(id) === colorForUser(ids[0]!)).slice(0, 2) as [string, string];
    const colors = assignColors([b, a]);
    expect(colors.get(a)).toBe(colorForUser(a)); // the smaller id keeps its own
    expect(colors.get(b)).not.toBe(colors.get(a));
    expect(assignColors([a, b])).toEqual(colors); // order of arrival does not matter
    const crowd = assignColors(ids.slice(0, CARET_COLORS.length));
    expect(new Set(crowd.values()).size).toBe(CARET_COLORS.length);
    expect(assignColors(ids.slice(0, CARET_COLORS.length + 3)).size).toBe(CARET_COLORS.length + 3);
  });

  it('presence: one entry per person (two tabs count once), me first, malformed states skipped', () => {
    const user = (id: string, name: string) => ({ user: { id, name, color: '#2563eb', role: 'founder' } });
    const states: [number, Record<string, unknown>][] = [
      [1, user('b', 'Sofia Rossi')],
      [2, user('me', 'Chen Yu')],
      [3, user('b', 'Sofia Rossi')],
      [4, {}],
      [5, { user: { name: 'no id' } }],
      [6, user('a', 'Priya Nair')],
    ];
    expect(peopleFromAwareness(states, 'me').map((p) => [p.id, p.me])).toEqual([
      ['me', true],
      ['a', false],
      ['b', false],
    ]);
  });

  it('the pitch template: an H2 and an italic prompt per section, valid in the editor’s schema', () => {
    const content = pitchTemplateContent((s) => ({ heading: `H-${s}`, prompt: `P-${s}` }));
    expect(content).toHaveLength(PITCH_SECTIONS.length * 2);
    expect(content.filter((n) => n.type === 'heading').map((n) => n.content?.[0]?.text)).toEqual(PITCH_SECTIONS.map((s) => `H-${s}`));
    expect(content.every((n) => n.type !== 'heading' || n.attrs?.level === 2)).toBe(true);
    const schema = getSchema(pitchSchemaExtensions({ editable: true }));
    expect(() => schema.nodeFromJSON({ type: 'doc', content }).check()).not.toThrow();
  });

  it('the template replaces an empty document and goes after existing text', () => {
    const schema = getSchema(pitchSchemaExtensions({ editable: true }));
    const empty = schema.nodeFromJSON({ type: 'doc', content: [{ type: 'paragraph' }] });
    expect(templateInsertRange(empty)).toEqual({ from: 0, to: empty.content.size });
    const text = schema.nodeFromJSON({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hi' }] }] });
    expect(templateInsertRange(text)).toEqual({ from: text.content.size, to: text.content.size });
  });

  it('finds a lost thread’s quote inside one paragraph, across marks', () => {
    const schema = getSchema(pitchSchemaExtensions({ editable: true }));
    const doc = schema.nodeFromJSON({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Problem' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Hull cleaning is ' }, { type: 'text', text: 'manual', marks: [{ type: 'bold' }] }, { type: 'text', text: ' and slow.' }] },
      ],
    });
    const hit = findInTextblock(doc, 'is manual and')!;
    expect(doc.textBetween(hit.from, hit.to)).toBe('is manual and');
    expect(findInTextblock(doc, 'Problem Hull')).toBeNull(); // across paragraphs: not searched
    expect(findInTextblock(doc, 'absent')).toBeNull();
  });

  it('links and images take web addresses only', () => {
    expect(safeUrl('example.com/deck')).toBe('https://example.com/deck');
    expect(safeUrl(' https://tidewater.example ')).toBe('https://tidewater.example/');
    expect(safeUrl('mailto:chen@tidewater.example', { mail: true })).toBe('mailto:chen@tidewater.example');
    expect(safeUrl('mailto:chen@tidewater.example')).toBeNull();
    expect(safeUrl('javascript:alert(1)', { mail: true })).toBeNull();
    expect(safeUrl('data:image/png;base64,AAAA')).toBeNull();
    expect(safeUrl('')).toBeNull();
    expect(safeUrl(null)).toBeNull();
  });
});
