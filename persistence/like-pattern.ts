// Prisma passes `contains`/`startsWith` text into a LIKE pattern as it is, so a search
// for "%" or "_" would match everything: escape them (PostgreSQL's escape is "\").
export function escapeLikePattern(input: string): string {
  return input.replace(/[\\%_]/g, (char) => `\\${char}`);
}
