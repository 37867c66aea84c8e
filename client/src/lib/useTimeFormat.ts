import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session/sessionStore';
import {
  browserTimeZone,
  formatDate,
  formatDateTime,
  formatRelative,
  formatTime,
  formatWeekdayTime,
  isValidTimeZone,
  localeFor,
} from './time';

/** The zone times are shown in: the signed-in person's profile zone, else the browser's. */
export function useViewerTimeZone(): string {
  const profileZone = useSession((s) => (s.session.kind === 'signedIn' ? s.session.user.timeZone : null));
  return profileZone && isValidTimeZone(profileZone) ? profileZone : browserTimeZone();
}

/** Formatters bound to the viewer's zone and the UI language. */
export function useTimeFormat() {
  const { i18n } = useTranslation();
  const zone = useViewerTimeZone();
  const locale = localeFor(i18n.resolvedLanguage ?? 'en');
  return useMemo(
    () => ({
      zone,
      locale,
      dateTime: (v: string | number | Date, tz = zone) => formatDateTime(v, tz, locale),
      date: (v: string | number | Date, tz = zone) => formatDate(v, tz, locale),
      time: (v: string | number | Date, tz = zone) => formatTime(v, tz, locale),
      weekdayTime: (v: string | number | Date, tz = zone) => formatWeekdayTime(v, tz, locale),
      relative: (v: string | number | Date, now: number) => formatRelative(v, now, locale),
    }),
    [zone, locale],
  );
}
