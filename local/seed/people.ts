/**
 * The people of the demo site: a cross-functional launch team. Account ids have the shape of
 * real Atlassian account ids; names say what each person does, so demos read naturally.
 * Jira project permissions and Confluence space permissions refer to these ids.
 */
export interface DemoPerson {
  accountId: string;
  displayName: string;
  /** Kept on the emulated user record only; Accord itself never stores e-mail addresses. */
  emailAddress: string;
  team: 'engineering' | 'product' | 'marketing' | 'legal' | 'finance' | 'leadership';
  timeZone: string;
}

export const PEOPLE = {
  priya: {
    accountId: '712020:1f0a6c1e-2b7d-4c55-9e0f-0a1b2c3d4e01',
    displayName: 'Priya Raman (Product Manager)',
    emailAddress: 'priya@accord-demo.example',
    team: 'product',
    timeZone: 'Europe/Berlin',
  },
  erik: {
    accountId: '712020:1f0a6c1e-2b7d-4c55-9e0f-0a1b2c3d4e02',
    displayName: 'Erik Lindqvist (Engineering Lead)',
    emailAddress: 'erik@accord-demo.example',
    team: 'engineering',
    timeZone: 'Europe/Berlin',
  },
  amara: {
    accountId: '712020:1f0a6c1e-2b7d-4c55-9e0f-0a1b2c3d4e03',
    displayName: 'Amara Okafor (Engineer)',
    emailAddress: 'amara@accord-demo.example',
    team: 'engineering',
    timeZone: 'Europe/Berlin',
  },
  lucia: {
    accountId: '712020:1f0a6c1e-2b7d-4c55-9e0f-0a1b2c3d4e04',
    displayName: 'Lucía Fernández (Marketing Lead)',
    emailAddress: 'lucia@accord-demo.example',
    team: 'marketing',
    timeZone: 'Europe/Madrid',
  },
  david: {
    accountId: '712020:1f0a6c1e-2b7d-4c55-9e0f-0a1b2c3d4e05',
    displayName: 'David Chen (Legal Counsel)',
    emailAddress: 'david@accord-demo.example',
    team: 'legal',
    timeZone: 'America/New_York',
  },
  fatima: {
    accountId: '712020:1f0a6c1e-2b7d-4c55-9e0f-0a1b2c3d4e06',
    displayName: 'Fatima Al-Sayed (Finance Partner)',
    emailAddress: 'fatima@accord-demo.example',
    team: 'finance',
    timeZone: 'Europe/London',
  },
  grace: {
    accountId: '712020:1f0a6c1e-2b7d-4c55-9e0f-0a1b2c3d4e07',
    displayName: 'Grace Miller (VP Product)',
    emailAddress: 'grace@accord-demo.example',
    team: 'leadership',
    timeZone: 'America/New_York',
  },
  tom: {
    accountId: '712020:1f0a6c1e-2b7d-4c55-9e0f-0a1b2c3d4e08',
    displayName: 'Tom Becker (Director of Engineering)',
    emailAddress: 'tom@accord-demo.example',
    team: 'leadership',
    timeZone: 'Europe/Berlin',
  },
} as const satisfies Record<string, DemoPerson>;

export type DemoPersonName = keyof typeof PEOPLE;
export const ALL_PEOPLE: readonly DemoPerson[] = Object.values(PEOPLE);
/** The person the host pages act as when none is chosen. */
export const DEFAULT_VIEWER = PEOPLE.priya;
