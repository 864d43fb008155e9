import {
  Badge,
  Banner,
  Button,
  Card,
  Checkbox,
  CardBody,
  CardFooter,
  CardHeader,
  ConnectionBadge,
  Dialog,
  EmptyState,
  ErrorState,
  Field,
  IconButton,
  IconMore,
  IconPlus,
  IconRetry,
  Input,
  KeyValueList,
  Loading,
  Menu,
  MenuItem,
  MenuLabel,
  MenuSeparator,
  NumberInput,
  Popover,
  ProgressBar,
  Section,
  Select,
  Skeleton,
  SkeletonRows,
  Sparkline,
  Spinner,
  Stack,
  StatusPill,
  Table,
  Textarea,
  ToastCard,
  Avatar,
  STATUS_TONES,
  type ConnectionState,
  type StatusKind,
} from '..';
import type { ReactNode } from 'react';

const noop = () => {};
const STATES: ConnectionState[] = ['connecting', 'live', 'reconnecting', 'offline', 'unauthorized', 'disabled'];
const LABELS: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting in 4 s',
  offline: 'Offline',
  unauthorized: 'Sign-in expired',
  disabled: 'Live updates off',
};

/** Every primitive in its variants. */
export function ShowcaseKit() {
  return (
    <>
      <Section
        title="Buttons"
        description="primary · secondary · ghost · danger · link; sm · md · lg; loading and disabled."
      >
        <Stack row gap={2}>
          <Button icon={<IconPlus />}>New goal</Button>
          <Button variant="secondary">Secondary</Button>
          <Button variant="ghost">Ghost</Button>
          <Button variant="danger">Delete</Button>
          <Button variant="link">Link button</Button>
          <Button loading>Saving</Button>
          <Button variant="secondary" disabled>
            Disabled
          </Button>
          <IconButton label="More">
            <IconMore />
          </IconButton>
        </Stack>
        <Stack row gap={2}>
          <Button size="sm">Small</Button>
          <Button size="md" variant="secondary">
            Medium
          </Button>
          <Button size="lg" variant="secondary" icon={<IconRetry />}>
            Large
          </Button>
        </Stack>
      </Section>

      <Section title="Form fields">
        <Card padding="lg">
          <div className="pp-form">
            <Grid2>
              <Field label="Title" required hint="What does done look like?">
                <Input placeholder="e.g. Q3 hiring" />
              </Field>
              <Field label="Email" error="Enter an email such as ava@acme.test.">
                <Input type="email" defaultValue="ava@" />
              </Field>
              <Field label="Status">
                <Select
                  defaultValue="active"
                  options={Object.keys(STATUS_TONES.goal).map((v) => ({
                    value: v,
                    label: v.charAt(0).toUpperCase() + v.slice(1),
                  }))}
                />
              </Field>
              <Field label="Reading" hint="Recorded now">
                <NumberInput unit="%" defaultValue={42} />
              </Field>
            </Grid2>
            <Field label="Description">
              <Textarea rows={3} placeholder="Context, links, constraints…" />
            </Field>
            <Checkbox label="Notify the owner" defaultChecked />
            <div className="pp-form__actions">
              <Button variant="secondary">Cancel</Button>
              <Button>Save goal</Button>
            </div>
          </div>
        </Card>
      </Section>

      <Section title="Status pills">
        {(Object.keys(STATUS_TONES) as StatusKind[]).map((kind) => (
          <Stack row gap={2} key={kind}>
            <span className="pp-subtle" style={{ width: 64 }}>
              {kind}
            </span>
            {Object.keys(STATUS_TONES[kind]).map((value) => (
              <StatusPill key={value} kind={kind} value={value} />
            ))}
          </Stack>
        ))}
        <Stack row gap={2}>
          <span className="pp-subtle" style={{ width: 64 }}>
            badge
          </span>
          <Badge>Neutral</Badge>
          <Badge tone="accent">Accent</Badge>
          <Badge outline>12 readings</Badge>
        </Stack>
      </Section>

      <Section title="Connection badge">
        <Stack row gap={2}>
          {STATES.map((s) => (
            <ConnectionBadge key={s} state={s} label={LABELS[s]} />
          ))}
        </Stack>
      </Section>

      <Section title="Cards, tables, details">
        <Grid2>
          <Card padding="none">
            <CardHeader title="Goal details" actions={<StatusPill kind="goal" value="active" />} />
            <CardBody>
              <KeyValueList
                items={[
                  { label: 'Owner', value: 'Ava Stone' },
                  { label: 'Progress', value: <ProgressBar value={62} block /> },
                  { label: 'Updated', value: '27 Nov 2026, 10:00' },
                ]}
              />
            </CardBody>
            <CardFooter>
              <Button variant="secondary" size="sm">
                Cancel goal
              </Button>
              <Button size="sm">Complete</Button>
            </CardFooter>
          </Card>
          <Table caption="Recent readings">
            <thead>
              <tr>
                <th>Recorded</th>
                <th>By</th>
                <th data-align="end">Value</th>
              </tr>
            </thead>
            <tbody>
              {[
                ['27 Nov, 10:00', 'Ava Stone', '22'],
                ['20 Nov, 09:12', 'Ben Ortiz', '18'],
                ['13 Nov, 16:40', 'Cho Park', '19'],
              ].map(([when, who, value]) => (
                <tr key={when}>
                  <td>{when}</td>
                  <td>
                    <span className="pp-person">
                      <Avatar name={who} decorative />
                      {who}
                    </span>
                  </td>
                  <td data-align="end">{value}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Grid2>
      </Section>

      <Section title="Loading, empty, error">
        <Grid2>
          <SkeletonRows rows={3} />
          <Card>
            <Stack gap={3}>
              <Skeleton width="60%" height={14} />
              <Skeleton width="90%" height={10} />
              <Loading label="Loading measures…" />
              <Stack row gap={2}>
                <Spinner size="sm" />
                <Spinner />
                <Spinner size="lg" />
              </Stack>
            </Stack>
          </Card>
          <EmptyState
            title="No issues yet"
            description="Issues raised on any goal show up here, live."
            action={<Button icon={<IconPlus />}>Raise an issue</Button>}
          />
          <ErrorState
            message="Could not load goals: the server answered 503. Check your connection, then retry."
            onRetry={noop}
          />
        </Grid2>
        <Banner tone="warning">Live updates are off. Lists refresh every 30 seconds.</Banner>
      </Section>

      <Section title="Overlays">
        <Grid2>
          <div style={{ minHeight: 220 }}>
            <Popover trigger="Acme Inc." open onOpenChange={noop} triggerProps={{ size: 'sm' }}>
              <Menu>
                <MenuLabel>Switch tenant</MenuLabel>
                <MenuItem current>Acme Inc.</MenuItem>
                <MenuItem>Globex</MenuItem>
                <MenuSeparator />
                <MenuItem>Sign out</MenuItem>
              </Menu>
            </Popover>
          </div>
          <ol className="pp-toasts" style={{ position: 'static', width: '100%' }}>
            <ToastCard
              title="Goal completed"
              description="Ben marked “Cut response time” as completed."
              tone="success"
              onDismiss={noop}
            />
            <ToastCard title="Reconnected" description="Everything on screen is up to date." onDismiss={noop} />
            <ToastCard
              title="Could not save"
              description="The server refused the change. Try again."
              tone="danger"
              onDismiss={noop}
            />
          </ol>
        </Grid2>
        <div className="preview-dialog-host">
          <Dialog
            open
            onClose={noop}
            title="Record a reading"
            description="Weekly active partners, target 25."
            footer={
              <>
                <Button variant="secondary">Cancel</Button>
                <Button>Save reading</Button>
              </>
            }
          >
            <Field label="Value">
              <NumberInput defaultValue={22} />
            </Field>
          </Dialog>
        </div>
      </Section>

      <Section title="Sparklines">
        <Stack row gap={5}>
          {[
            { caption: 'Many readings, target 8', values: [3, 5, 4, 6, 8, 7, 9], target: 8 },
            { caption: 'One reading, target 6', values: [4], target: 6 },
            { caption: 'No readings', values: [] },
            { caption: 'Flat, every point', values: [2, 2, 2], points: true },
          ].map((s) => (
            <figure key={s.caption} className="pp-stack pp-stack--gap-1">
              <Sparkline values={s.values} target={s.target} label={s.caption} showPoints={s.points} />
              <figcaption className="pp-subtle">{s.caption}</figcaption>
            </figure>
          ))}
        </Stack>
      </Section>
    </>
  );
}

function Grid2({ children }: { children: ReactNode }) {
  return (
    <div className="pp-grid" style={{ ['--pp-grid-min' as string]: '300px' }}>
      {children}
    </div>
  );
}
