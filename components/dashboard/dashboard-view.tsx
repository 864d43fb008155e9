'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { dashboardQueries, goalQueries } from '@/lib/api';
import { Card, CardHeader, DataList, EmptyState, Grid, PageHeader, Skeleton, Stat } from '@/components/ui';
import { useAuth } from '@/components/auth/use-auth';
import { QueryView } from '@/components/common/query-view';
import { usePeople } from '@/components/common/use-people';
import { ActivityItem } from '@/components/goals/activity-feed';
import { MeasureRow } from '@/components/measures/measure-row';
import styles from './dashboard.module.css';

export function DashboardView() {
  const auth = useAuth();
  const summary = useQuery(dashboardQueries.summary());
  const goals = useQuery(goalQueries.list());
  const { nameOf } = usePeople();
  const goalTitles = useMemo(() => new Map((goals.data?.items ?? []).map((g) => [g.id, g.title])), [goals.data]);
  const tenantName =
    auth.status === 'signed-in' || auth.status === 'expired' ? (auth.tenant?.name ?? auth.tenantId) : null;
  const firstName = auth.status === 'signed-in' ? auth.user.name.split(' ')[0] : null;

  return (
    <>
      <PageHeader
        title="Dashboard"
        description={
          tenantName ? `${firstName ? `Hi ${firstName}. ` : ''}Here is where ${tenantName} stands.` : undefined
        }
      />
      <QueryView
        query={summary}
        errorTitle="Couldn't load the dashboard"
        loading={
          <Grid minColumn={200}>
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} height={96} />
            ))}
          </Grid>
        }
      >
        {(d) => (
          <div className={styles.layout}>
            <Grid minColumn={200} className={styles.stats}>
              <Link href="/goals?status=active" className={styles.statLink}>
                <Stat
                  data-testid="stat-active-goals"
                  label="Active goals"
                  value={d.activeGoals}
                  hint="View active goals →"
                />
              </Link>
              <Link href="/issues" className={styles.statLink}>
                <Stat
                  data-testid="stat-open-issues"
                  label="Open issues"
                  value={d.openIssues}
                  hint="Open or in progress"
                />
              </Link>
              <Link href="/actions" className={styles.statLink}>
                <Stat
                  data-testid="stat-actions-due"
                  label="Actions due"
                  value={d.actionsDue}
                  hint="Overdue or due within 7 days"
                />
              </Link>
            </Grid>
            <div className={styles.columns}>
              <Card padding="none" as="section" aria-labelledby="recent-activity">
                <CardHeader title={<span id="recent-activity">Recent activity</span>} level={2} />
                {d.recentActivity.length === 0 ? (
                  <EmptyState
                    compact
                    title="Nothing yet"
                    description="Comments and status changes will show up here."
                  />
                ) : (
                  <ul className={styles.feed} aria-label="Recent activity">
                    {d.recentActivity.map((a) => (
                      <ActivityItem
                        key={a.id}
                        activity={a}
                        actorName={nameOf(a.actorId)}
                        goalTitle={goalTitles.get(a.goalId) ?? null}
                      />
                    ))}
                  </ul>
                )}
              </Card>
              <Card padding="none" as="section" aria-labelledby="measures-glance">
                <CardHeader
                  title={<span id="measures-glance">Measures at a glance</span>}
                  level={2}
                  actions={
                    <Link href="/measures" className={styles.more}>
                      All measures
                    </Link>
                  }
                />
                {d.measures.length === 0 ? (
                  <EmptyState compact title="No measures yet" />
                ) : (
                  <DataList flush aria-label="Measures at a glance">
                    {d.measures.map((m) => (
                      <MeasureRow key={m.id} measure={m} />
                    ))}
                  </DataList>
                )}
              </Card>
            </div>
          </div>
        )}
      </QueryView>
    </>
  );
}
