'use client';

import { useEffect, useState, type FormEvent } from 'react';
import { useRouter, useSearchParams } from 'next/navigation';
import { errorMessage, getTokenStore } from '@/lib/api';
import { Avatar, Banner, Button, Card, Field, Input } from '@/components/ui';
import { DEMO_USERS } from './demo-users';
import { safeNextPath, useAuth } from './use-auth';
import styles from './login.module.css';

export function LoginForm() {
  const auth = useAuth();
  const router = useRouter();
  const next = safeNextPath(useSearchParams().get('next'));
  const expiredEmail = auth.status === 'expired' ? auth.user.email : '';
  // null until the person types: an expired session offers its own email.
  const [typed, setEmail] = useState<string | null>(null);
  const email = typed ?? expiredEmail;
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    if (auth.status === 'signed-in') router.replace(next);
  }, [auth.status, next, router]);

  async function signIn(address: string) {
    const value = address.trim();
    if (!value) {
      setError('Enter your email address, or pick a demo user below.');
      return;
    }
    if (!/^[^\s@]+@[^\s@]+$/.test(value)) {
      setError(`"${value}" is not an email address. It should look like ava@acme.test.`);
      return;
    }
    setError(null);
    setPending(true);
    try {
      await getTokenStore().login(value);
      router.replace(next);
    } catch (e) {
      setError(errorMessage(e));
      setPending(false);
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void signIn(email);
  }

  return (
    <div className={styles.panel}>
      <div className={styles.brand}>
        <span className="pp-brand">
          <span className="pp-brand__mark" aria-hidden="true">
            P
          </span>
          PurposePath
        </span>
      </div>
      <div>
        <h1 className={styles.heading}>Sign in to PurposePath</h1>
        <p className={styles.lead}>Goals, actions and measures, kept live for your whole team.</p>
      </div>
      {auth.status === 'expired' ? (
        <Banner tone="warning">Your session expired. Sign in again to pick up where you left off.</Banner>
      ) : null}
      <Card padding="lg">
        <form className="pp-form" onSubmit={onSubmit} noValidate>
          <Field label="Email" error={error ?? undefined}>
            <Input
              type="email"
              name="email"
              autoComplete="email"
              placeholder="you@company.test"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              autoFocus
            />
          </Field>
          <Button type="submit" fullWidth loading={pending}>
            Sign in
          </Button>
        </form>
      </Card>
      <Card padding="md" as="section" aria-labelledby="demo-users-heading">
        <h2 id="demo-users-heading" className={styles.demoHeading}>
          Or continue as a demo user
        </h2>
        <ul className={styles.demoList}>
          {DEMO_USERS.map((user) => (
            <li key={user.email}>
              <button
                type="button"
                className={styles.demoButton}
                aria-pressed={email === user.email}
                disabled={pending}
                onClick={() => {
                  setEmail(user.email);
                  void signIn(user.email);
                }}
              >
                <Avatar name={user.name} size="md" decorative />
                <span className={styles.demoText}>
                  <span className={styles.demoName}>{user.name}</span>
                  <span className={styles.demoMeta}>
                    {user.email} · {user.tenants}
                  </span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
