import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../layout/NotFoundPage';
import { SkeletonRows } from '../ui/States';
import { AvailabilityPage } from './AvailabilityPage';
import { DirectoryPage } from './DirectoryPage';
import { MentorBookingPage } from './MentorBookingPage';
import { SessionsPage } from './SessionsPage';

// NOTE: the session room (mediasoup-client, Yjs, TipTap) loads on first visit, not with the directory.
const SessionRoomPage = lazy(() => import('./SessionRoomPage').then((m) => ({ default: m.SessionRoomPage })));

const lazyPage = (page: ReactNode) => <Suspense fallback={<SkeletonRows rows={2} variant="card" />}>{page}</Suspense>;

/** Everything under `/office-hours/*` (this module is itself loaded on first visit). */
export function OfficeHoursRoutes() {
  return (
    <Routes>
      <Route index element={<DirectoryPage />} />
      <Route path="mentors/:id" element={<MentorBookingPage />} />
      <Route path="availability" element={<AvailabilityPage />} />
      <Route path="sessions" element={<SessionsPage />} />
      <Route path="sessions/:id" element={lazyPage(<SessionRoomPage />)} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
