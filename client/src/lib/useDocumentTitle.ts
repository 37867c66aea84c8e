import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the tab title to "<page> · Hatchery" (translated), or just the brand. */
export function useDocumentTitle(page?: string): void {
  const { t } = useTranslation();
  const brand = t('app.name');
  useEffect(() => {
    document.title = page ? t('app.documentTitle', { page, brand }) : brand;
  }, [page, brand, t]);
}
