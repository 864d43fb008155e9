import { Suspense } from 'react';
import { LoginForm } from '@/components/auth/login-form';
import styles from '@/components/auth/login.module.css';

export const metadata = { title: 'Sign in' };

export default function LoginPage() {
  return (
    <main className={styles.page}>
      <Suspense>
        <LoginForm />
      </Suspense>
    </main>
  );
}
