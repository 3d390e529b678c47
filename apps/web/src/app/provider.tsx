import { QueryClientProvider } from '@tanstack/react-query';
import { ReactNode, useState } from 'react';
import { I18nProvider } from '../lib/i18n';
import { createQueryClient } from '../lib/query-client';

export function AppProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <I18nProvider>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </I18nProvider>
  );
}
