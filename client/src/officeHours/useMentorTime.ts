import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { dateToWallTime, formatOffset, zoneLabel, zoneOffsetMinutes } from '../lib/time';
import { useTimeFormat } from '../lib/useTimeFormat';

/** The mentor's side of a time shown in my zone. */
export interface MentorTimeLabel {
  /** "21:00 in Shanghai" (with the weekday when the mentor's date differs from mine). */
  text: string;
  /** The long form for a tooltip: "Wang Lei’s time: Wed 21:00 (Shanghai, UTC+08:00)". */
  title: string;
}

/**
 * Formats an instant on the mentor's own clock, to show beside my time; null when their clock reads the
 * same as mine (same offset then), so nothing is repeated.
 */
export function useMentorTime(): (at: string | number | Date, mentorZone: string, mentorName: string) => MentorTimeLabel | null {
  const { t } = useTranslation();
  const time = useTimeFormat();
  return useCallback(
    (at, mentorZone, mentorName) => {
      const d = new Date(at);
      if (zoneOffsetMinutes(mentorZone, d) === zoneOffsetMinutes(time.zone, d)) return null;
      const sameDay = dateToWallTime(d, mentorZone).slice(0, 10) === dateToWallTime(d, time.zone).slice(0, 10);
      const clock = sameDay ? time.time(d, mentorZone) : time.weekdayTime(d, mentorZone);
      const city = zoneLabel(mentorZone, time.locale);
      return {
        text: t('officeHours.time.mentor', { time: clock, city }),
        title: t('officeHours.time.mentorTitle', {
          name: mentorName,
          time: time.weekdayTime(d, mentorZone),
          city,
          offset: formatOffset(zoneOffsetMinutes(mentorZone, d)),
        }),
      };
    },
    [t, time],
  );
}
