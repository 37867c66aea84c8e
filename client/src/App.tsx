import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { InvitesPage } from './admin/InvitesPage';
import { LoginPage } from './auth/LoginPage';
import { SignupPage } from './auth/SignupPage';
import { NotFoundPage } from './layout/NotFoundPage';
import { RequireAuth } from './layout/RequireAuth';
import { LobbyPage } from './lobby/LobbyPage';
import { PeoplePage } from './people/PeoplePage';
import { ProfilePage } from './people/ProfilePage';
import { ProfileSettingsPage } from './people/ProfileSettingsPage';
import { RoadshowPage } from './roadshows/RoadshowPage';
import { useSessionBootstrap } from './session/useSessionBootstrap';
import { StartupPage } from './startups/StartupPage';
import { StartupsPage } from './startups/StartupsPage';
import { SkeletonRows } from './ui/States';

// NOTE: the video room (mediasoup-client and its UI) loads on first visit, not with the lobby.
const RoomPage = lazy(() => import('./media/RoomPage').then((m) => ({ default: m.RoomPage })));
const LiveRoomPage = lazy(() => import('./roadshows/LiveRoomPage').then((m) => ({ default: m.LiveRoomPage })));
// NOTE: the shared documents (Yjs, TipTap) load on first visit too.
const PitchDocPage = lazy(() => import('./collab/pitch/PitchDocPage').then((m) => ({ default: m.PitchDocPage })));
const BoardPage = lazy(() => import('./collab/board/BoardPage').then((m) => ({ default: m.BoardPage })));
const OfficeHoursRoutes = lazy(() => import('./officeHours/OfficeHoursRoutes').then((m) => ({ default: m.OfficeHoursRoutes })));
const RecordingsRoutes = lazy(() => import('./recordings/RecordingsRoutes').then((m) => ({ default: m.RecordingsRoutes })));

/** The routes. Everything but sign-in and sign-up needs a session. */
export function App() {
  useSessionBootstrap();
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/signup" element={<SignupPage />} />
      <Route element={<RequireAuth />}>
        <Route index element={<LobbyPage />} />
        <Route path="people" element={<PeoplePage />} />
        <Route path="people/:id" element={<ProfilePage />} />
        <Route path="settings/profile" element={<ProfileSettingsPage />} />
        <Route path="startups" element={<StartupsPage />} />
        <Route path="startups/:id" element={<StartupPage />} />
        <Route
          path="startups/:id/pitch"
          element={
            <Suspense fallback={<SkeletonRows rows={3} variant="card" />}>
              <PitchDocPage />
            </Suspense>
          }
        />
        <Route
          path="startups/:id/board"
          element={
            <Suspense fallback={<SkeletonRows rows={3} variant="card" />}>
              <BoardPage />
            </Suspense>
          }
        />
        <Route path="admin/invites" element={<InvitesPage />} />
        <Route
          path="office-hours/*"
          element={
            <Suspense fallback={<SkeletonRows rows={3} variant="card" />}>
              <OfficeHoursRoutes />
            </Suspense>
          }
        />
        <Route
          path="recordings/*"
          element={
            <Suspense fallback={<SkeletonRows rows={3} variant="card" />}>
              <RecordingsRoutes />
            </Suspense>
          }
        />
        <Route path="roadshows/:id" element={<RoadshowPage />} />
        <Route
          path="roadshows/:id/live"
          element={
            <Suspense fallback={<SkeletonRows rows={2} variant="card" />}>
              <LiveRoomPage />
            </Suspense>
          }
        />
        <Route
          path="rooms/:kind/:id"
          element={
            <Suspense fallback={<SkeletonRows rows={2} variant="card" />}>
              <RoomPage />
            </Suspense>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
