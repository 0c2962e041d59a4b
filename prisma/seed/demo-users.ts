// Demo users: one for every role in two bordering regions, Kota Bogor (32.71) and
// Kabupaten Bogor (32.01), all with one shared password, so a person trying Jalin (and
// the tests) can act as anyone in the process. Never for a real deployment: the
// password is printed in the README.
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../../platform/password-hashing';
import { DEMO_PASSWORD } from '../../domain/demo-password';
import type { Role } from '../../domain/role';
import type { PrismaClient } from '../client';

export { DEMO_PASSWORD };

export interface DemoRegion {
  code: string;
  name: string;
  /** Username suffix, e.g. `officer.kotabogor`. */
  suffix: string;
  /** What the head of region is called there: wali kota of a kota, bupati of a kabupaten. */
  headTitle: 'walikota' | 'bupati';
}

export const DEMO_REGIONS: readonly DemoRegion[] = [
  { code: '32.71', name: 'Kota Bogor', suffix: 'kotabogor', headTitle: 'walikota' },
  { code: '32.01', name: 'Kabupaten Bogor', suffix: 'kabbogor', headTitle: 'bupati' },
];

export const DEMO_AGENCIES = { environment: 'Dinas Lingkungan Hidup', transport: 'Dinas Perhubungan' } as const;

export interface DemoUser {
  username: string;
  displayName: string;
  /** `<username>@jalin.test`: a reserved domain (RFC 2606) that no real mailbox has. */
  email: string;
  regionCode: string;
  grants: Array<{ role: Role; agency?: string }>;
}

/** The person in each seat of one region, by username prefix (the head of region by title). */
export type DemoSeat =
  'officer' | 'officer2' | 'sekretariat' | 'bappeda' | 'tkksd1' | 'tkksd2' | 'tkksd3' | 'tapd' | 'sekda' | 'head' | 'dprd' | 'hukum' | 'admin';

export const DEMO_SEATS: readonly DemoSeat[] = [
  'officer',
  'officer2',
  'sekretariat',
  'bappeda',
  'tkksd1',
  'tkksd2',
  'tkksd3',
  'tapd',
  'sekda',
  'head',
  'dprd',
  'hukum',
  'admin',
];

const SEAT_GRANTS: Record<DemoSeat, DemoUser['grants']> = {
  officer: [{ role: 'OFFICER', agency: DEMO_AGENCIES.environment }],
  officer2: [{ role: 'OFFICER', agency: DEMO_AGENCIES.transport }],
  sekretariat: [{ role: 'SECRETARIAT' }],
  bappeda: [{ role: 'BAPPEDA' }],
  tkksd1: [{ role: 'TKKSD_MEMBER' }],
  tkksd2: [{ role: 'TKKSD_MEMBER' }],
  tkksd3: [{ role: 'TKKSD_MEMBER' }],
  tapd: [{ role: 'TAPD' }],
  // The Sekda chairs the TKKSD, so sits in it as a member too.
  sekda: [{ role: 'SEKDA' }, { role: 'TKKSD_MEMBER' }],
  head: [{ role: 'HEAD_OF_REGION' }],
  dprd: [{ role: 'DPRD_LIAISON' }],
  // Bagian Hukum Setda: the legal review of a PKS draft (agreements).
  hukum: [{ role: 'LEGAL_BUREAU' }],
  admin: [{ role: 'ADMIN' }],
};

// Invented people; any likeness to real officials is unintended.
const NAMES: Record<string, Record<DemoSeat, string>> = {
  '32.71': {
    officer: 'Siti Rahmawati',
    officer2: 'Agus Setiawan',
    sekretariat: 'Dewi Lestari, S.H.',
    bappeda: 'Rizky Pratama, S.T., M.T.',
    tkksd1: 'Hendra Gunawan',
    tkksd2: 'Nur Aini Safitri',
    tkksd3: 'Bambang Sutrisno, S.H.',
    tapd: 'Yuliana Putri, S.E., Ak.',
    sekda: 'Drs. Ahmad Fauzi, M.Si.',
    head: 'H. Dedi Kurniawan',
    dprd: 'Rina Marlina',
    hukum: 'Larasati Wulandari, S.H., M.Kn.',
    admin: 'Fajar Nugroho',
  },
  '32.01': {
    officer: 'Wahyu Hidayat',
    officer2: 'Indah Permatasari',
    sekretariat: 'Yusuf Maulana, S.IP.',
    bappeda: 'Ratna Sari Dewi, S.T.',
    tkksd1: 'Eko Prasetyo',
    tkksd2: 'Sri Wahyuni',
    tkksd3: 'Teguh Santoso, S.H., M.H.',
    tapd: 'Lina Kartika, S.E.',
    sekda: 'Ir. Budi Santoso, M.M.',
    head: 'H. Asep Saepudin, S.Sos.',
    dprd: 'Neneng Hasanah',
    hukum: 'Dimas Ardiansyah, S.H.',
    admin: 'Andi Saputra',
  },
};

export function demoUsername(seat: DemoSeat, region: DemoRegion): string {
  return `${seat === 'head' ? region.headTitle : seat}.${region.suffix}`;
}

/**
 * The seats above the two Bogor regions, for the reporting line (issue 18): Jawa Barat's
 * cooperation bureau, Kemendagri's reviewer (Ditjen Bina Administrasi Kewilayahan) and
 * the national calendar keeper, the national seats on the national scope "00".
 */
export const DEMO_UPPER_USERS: readonly DemoUser[] = [
  {
    username: 'reviewer.jabar',
    displayName: 'Dra. Ika Nurhayati, M.Si.',
    email: 'reviewer.jabar@jalin.test',
    regionCode: '32',
    grants: [{ role: 'PROVINCE_REVIEWER' }],
  },
  {
    username: 'reviewer.kemendagri',
    displayName: 'Dr. Arif Wibowo, M.A.P.',
    email: 'reviewer.kemendagri@jalin.test',
    regionCode: '00',
    grants: [{ role: 'MINISTRY_REVIEWER' }],
  },
  {
    username: 'kalender.kemendagri',
    displayName: 'Sari Puspitasari, S.Kom.',
    email: 'kalender.kemendagri@jalin.test',
    regionCode: '00',
    grants: [{ role: 'CALENDAR_KEEPER' }],
  },
];

export function demoUsers(): DemoUser[] {
  return [...regionalDemoUsers(), ...DEMO_UPPER_USERS];
}

function regionalDemoUsers(): DemoUser[] {
  return DEMO_REGIONS.flatMap((region) =>
    DEMO_SEATS.map((seat) => ({
      username: demoUsername(seat, region),
      displayName: NAMES[region.code][seat],
      email: `${demoUsername(seat, region)}@jalin.test`,
      regionCode: region.code,
      grants: SEAT_GRANTS[seat],
    })),
  );
}

export interface DemoSeedCounts {
  users: number;
  grants: number;
}

/**
 * Adds the demo users and grants that are missing; changes nothing that is there, so a
 * password or grant an admin changed stays as it is. Rows written: zero when up to date.
 */
export async function seedDemoUsers(prisma: PrismaClient): Promise<DemoSeedCounts> {
  const wanted = demoUsers();
  const existing = await prisma.user.findMany({ where: { username: { in: wanted.map((u) => u.username) } }, select: { username: true } });
  const known = new Set(existing.map((row) => row.username));
  const missing = wanted.filter((user) => !known.has(user.username));
  if (!missing.length) return { users: 0, grants: 0 };
  // One hash for all: Argon2 is slow on purpose, and these share one password anyway.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  // Users and their grants together: a seed stopped half-way must not leave users without
  // grants, which a later run (it adds grants only to the users it creates) would not mend.
  return prisma.$transaction(async (tx) => {
    // skipDuplicates: a seeder running at the same time may have inserted some already.
    const { count: users } = await tx.user.createMany({
      data: missing.map((user) => ({
        id: randomUUID(),
        username: user.username,
        displayName: user.displayName,
        email: user.email,
        passwordHash,
        homeRegionCode: user.regionCode,
      })),
      skipDuplicates: true,
    });
    const rows = await tx.user.findMany({ where: { username: { in: missing.map((u) => u.username) } }, select: { id: true, username: true } });
    const idOf = new Map(rows.map((row) => [row.username, row.id]));
    const grants = missing.flatMap((user) => {
      const userId = idOf.get(user.username);
      if (!userId) throw new Error(`Demo user ${user.username} was not stored`);
      return user.grants.map((grant) => ({
        id: randomUUID(),
        userId,
        role: grant.role,
        regionCode: user.regionCode,
        agency: grant.agency ?? '',
        createdBy: 'seed',
      }));
    });
    const { count: granted } = await tx.userRoleGrant.createMany({ data: grants, skipDuplicates: true });
    return { users, grants: granted };
  });
}
