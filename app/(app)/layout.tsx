import type { ReactNode } from 'react';
import { AuthGate } from '@/components/auth/auth-gate';
import { AppFrame } from '@/components/shell/app-frame';
import './feature-styles';

export default function SignedInLayout({ children }: { children: ReactNode }) {
  return (
    <AuthGate>
      <AppFrame>{children}</AppFrame>
    </AuthGate>
  );
}
