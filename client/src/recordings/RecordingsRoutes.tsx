import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../layout/NotFoundPage';
import { AnalyticsPage } from './AnalyticsPage';
import { LibraryPage } from './LibraryPage';
import { ReplayPage } from './ReplayPage';

/** `/recordings/*`: the library, a replay, and who watched it (loaded on first visit). */
export function RecordingsRoutes() {
  return (
    <Routes>
      <Route index element={<LibraryPage />} />
      <Route path=":id" element={<ReplayPage />} />
      <Route path=":id/analytics" element={<AnalyticsPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
