import type { ReactNode } from 'react';
import { AuthGate } from '@/components/auth/auth-gate';
import { AppFrame } from '@/components/shell/app-frame';

export default function SignedInLayout({ children }: { children: ReactNode }) {
  return (
    <AuthGate>
      <AppFrame>{children}</AppFrame>
    </AuthGate>
  );
}
