import { useCallback, useState } from 'react';
import type { Booking, CreateBookingBody } from '../../../shared/officeHours';
import { ohApi } from './api';

/** Booking (or moving a booking to) a slot: pending, the booking made, or the error to show. */
export type BookState = { kind: 'idle' } | { kind: 'pending' } | { kind: 'done'; booking: Booking } | { kind: 'failed'; error: unknown };

/**
 * Books a slot, or moves `movingId` to it. On a refusal (409: just taken, weekly limit…) the caller shows
 * why and `onSettled` reloads the slots, so what is shown is what is true.
 */
export function useBookSlot(movingId: string | null, onSettled: () => void) {
  const [state, setState] = useState<BookState>({ kind: 'idle' });
  const submit = useCallback(
    async (body: CreateBookingBody) => {
      setState({ kind: 'pending' });
      try {
        const { booking } = movingId ? await ohApi.reschedule(movingId, body.startsAt) : await ohApi.book(body);
        setState({ kind: 'done', booking });
      } catch (error) {
        setState({ kind: 'failed', error });
      } finally {
        onSettled();
      }
    },
    [movingId, onSettled],
  );
  const reset = useCallback(() => setState({ kind: 'idle' }), []);
  return { state, submit, reset };
}
