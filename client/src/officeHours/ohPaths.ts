/** The office-hours pages. */
export const OH_PATH = '/office-hours';

export const ohPaths = {
  directory: OH_PATH,
  /** A mentor's booking page; with `reschedule`, picking a slot moves that booking there. */
  mentor: (mentorId: string, reschedule?: string) =>
    `${OH_PATH}/mentors/${encodeURIComponent(mentorId)}${reschedule ? `?reschedule=${encodeURIComponent(reschedule)}` : ''}`,
  availability: `${OH_PATH}/availability`,
  sessions: `${OH_PATH}/sessions`,
  /** The session's private room and shared notes. */
  session: (bookingId: string) => `${OH_PATH}/sessions/${encodeURIComponent(bookingId)}`,
};

/** The media room of a booking, as the server names it. */
export const bookingRoomId = (bookingId: string) => `booking:${bookingId}` as const;
/** The shared notes document of a booking, as the server names it. */
export const bookingNotesName = (bookingId: string) => `notes:${bookingId}`;
