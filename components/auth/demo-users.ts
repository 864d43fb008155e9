/** The fake backend's seeded people (mock-ws), offered on the sign-in screen. */
export type DemoUser = { email: string; name: string; tenants: string };

export const DEMO_USERS: readonly DemoUser[] = [
  { email: 'ava@acme.test', name: 'Ava Adams', tenants: 'Acme Corp' },
  { email: 'ben@acme.test', name: 'Ben Brooks', tenants: 'Acme Corp' },
  { email: 'cho@acme.test', name: 'Cho Chen', tenants: 'Acme Corp' },
  { email: 'max@acme.test', name: 'Max Miller', tenants: 'Acme Corp and Globex' },
  { email: 'dana@globex.test', name: 'Dana Diaz', tenants: 'Globex' },
  { email: 'eli@globex.test', name: 'Eli Evans', tenants: 'Globex' },
  { email: 'fay@globex.test', name: 'Fay Fischer', tenants: 'Globex' },
];
