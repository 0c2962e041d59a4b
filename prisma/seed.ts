// `npm run db:seed`: loads the reference data into DATABASE_URL. Run once per release,
// after `db:migrate`; running it again changes nothing. With SEED_DEMO_USERS=true it also
// adds the demo users (never on a real deployment: their password is public).
import { createPrismaClient } from './client';
import { seedDemoUsers } from './seed/demo-users';
import { seedReferenceData } from './seed/index';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL must name the PostgreSQL database to seed');
  const started = Date.now();
  const prisma = createPrismaClient({ url, poolMax: 1 });
  try {
    const written = await seedReferenceData(prisma);
    console.log(
      `Reference data: ${written.affairs} affairs, ${written.regions} regions, ${written.borders} borders written ` + `in ${Date.now() - started} ms`,
    );
    if (process.env.SEED_DEMO_USERS === 'true') {
      const demo = await seedDemoUsers(prisma);
      console.log(`Demo users: ${demo.users} users, ${demo.grants} grants written`);
    }
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
