// `npm run db:create-admin -- <username> <regionCode> [display name]`: the first
// administrator of a region on a real deployment, where no one can log in yet to create
// one. The password comes from ADMIN_PASSWORD, never from the command line (which shell
// histories and process lists show). An existing user keeps their password and gains the
// ADMIN role in the region; running it again changes nothing.
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../platform/password-hashing';
import { REGION_CODE_PATTERN } from '../domain/plan-content';
import { passwordViolations } from '../domain/password-policy';
import { passwordStrengthViolations, personalWords } from '../platform/password-strength';
import { createPrismaClient } from './client';

const USAGE = 'usage: ADMIN_PASSWORD=… DATABASE_URL=… npm run db:create-admin -- <username> <regionCode> [display name]';

async function main(): Promise<void> {
  const [rawUsername, regionCode, ...nameParts] = process.argv.slice(2);
  const url = process.env.DATABASE_URL;
  if (!url || !rawUsername || !regionCode) throw new Error(USAGE);
  const username = rawUsername.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9._-]{2,63}$/.test(username)) throw new Error('The username must be 3-64 lower-case letters, digits, dots, underscores or hyphens');
  if (!REGION_CODE_PATTERN.test(regionCode)) throw new Error('The region code must use the Kemendagri format, e.g. 32 or 32.71');

  const prisma = createPrismaClient({ url, poolMax: 1 });
  try {
    if (!(await prisma.region.findUnique({ where: { code: regionCode } })))
      throw new Error(`Region ${regionCode} is not in the reference data: run db:seed first`);
    let user = await prisma.user.findUnique({ where: { username } });
    if (!user) {
      const password = process.env.ADMIN_PASSWORD ?? '';
      const displayName = nameParts.join(' ').trim() || username;
      const problems = passwordViolations(password, 'ADMIN_PASSWORD');
      if (!problems.length) problems.push(...passwordStrengthViolations(password, personalWords([username, displayName]), 'ADMIN_PASSWORD'));
      if (problems.length) throw new Error(`ADMIN_PASSWORD: ${problems[0].message.en}`);
      user = await prisma.user.create({
        data: { id: randomUUID(), username, displayName, passwordHash: await hashPassword(password), homeRegionCode: regionCode },
      });
      console.log(`Created user ${username}`);
    }
    const { count } = await prisma.userRoleGrant.createMany({
      data: [{ id: randomUUID(), userId: user.id, role: 'ADMIN', regionCode, agency: '', createdBy: 'db:create-admin' }],
      skipDuplicates: true,
    });
    console.log(count ? `${username} now administers region ${regionCode}` : `${username} already administers region ${regionCode}`);
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
