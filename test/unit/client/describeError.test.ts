/**
 * Error sentences (client/src/lib/useDescribeError.ts): a refusal the server names with a `code` is said
 * in the user's language; without one, the server's sentence is shown (prefixed by the translated reason in
 * Chinese). Every office-hours refusal has a sentence in both languages.
 */
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../../client/src/i18n/en';
import { zh } from '../../../client/src/i18n/zh';
import { ApiRequestError } from '../../../client/src/lib/api';
import { describeError } from '../../../client/src/lib/useDescribeError';
import { OfficeHoursRefusal } from '../../../shared/officeHours';
import { RecordingProblem, recordingProblemOf } from '../../../shared/recordings';
import { ErrorReason } from '../../../shared/protocol';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ resources: { en: { translation: en }, zh: { translation: zh } }, lng: 'en', fallbackLng: false, interpolation: { escapeValue: false } });
});

const conflict = (message: string, code?: string) => new ApiRequestError(409, { reason: ErrorReason.Conflict, message, ...(code ? { code } : {}) });
const lookup = (messages: unknown, key: string) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], messages);

describe('error sentences', () => {
  it('a coded refusal is said in the user’s language, not in the server’s English', () => {
    const err = conflict('That slot was just taken. Please pick another.', OfficeHoursRefusal.SlotFull);
    expect(describeError(i18n.getFixedT('zh'), err)).toBe('这个时段刚刚被预约了，请选择其他时段。');
    expect(describeError(i18n.getFixedT('en'), err)).toBe('That slot was just taken. Please pick another.');
  });

  it('without a code (or with one the client does not know) the server’s sentence is shown', () => {
    expect(describeError(i18n.getFixedT('zh'), conflict('The roadshow already ended.'))).toBe('操作冲突：The roadshow already ended.');
    expect(describeError(i18n.getFixedT('en'), conflict('Something new.', 'oh.brand_new_refusal'))).toBe('Something new.');
  });

  it('every office-hours refusal and recording problem has a sentence in English and in Chinese', () => {
    for (const code of [...Object.values(OfficeHoursRefusal), ...Object.values(RecordingProblem)]) {
      for (const [lang, messages] of [['en', en], ['zh', zh]] as const) {
        const text = lookup(messages, `errors.code.${code}`);
        expect(typeof text === 'string' && text.length > 5, `${lang} errors.code.${code}`).toBe(true);
      }
      expect(describeError(i18n.getFixedT('zh'), conflict('x', code))).not.toBe(describeError(i18n.getFixedT('en'), conflict('x', code)));
    }
  });

  it('the recorder’s error sentences are recognised as their problems (so they can be translated)', () => {
    // The sentences server/recordings writes (recorder.ts, postprocess.ts, service.ts).
    const cases: [string, string | null][] = [
      ['Recording stopped: the server’s disk is full.', RecordingProblem.DiskFull],
      ['Could not finish the recording: the server’s disk is full', RecordingProblem.DiskFull],
      ['The first attempt to finish it failed: the server’s disk is full', RecordingProblem.DiskFull],
      ['Recording failed: ffmpeg is not installed on the server.', RecordingProblem.FfmpegMissing],
      ['Could not finish the recording: ffmpeg is not installed on the server', RecordingProblem.FfmpegMissing],
      ['Recording was interrupted (ffmpeg exited: SIGKILL); continuing.', RecordingProblem.Interrupted],
      ['Recording failed: ffmpeg could not start (EACCES).', RecordingProblem.FfmpegFailed],
      ['Could not finish the recording: ffmpeg failed (1): Invalid data found', RecordingProblem.FfmpegFailed],
      ['The server stopped while recording.', RecordingProblem.ServerStopped],
      ['nothing was recorded (no one was on stage)', RecordingProblem.NothingRecorded],
      ['Something nobody foresaw', null],
      [null as unknown as string, null],
    ];
    for (const [sentence, code] of cases) expect(recordingProblemOf(sentence), String(sentence)).toBe(code);
  });
});
