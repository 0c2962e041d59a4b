import { auditActor } from './audit-actor';
import type { AuthContext } from './auth-context';

const auth: AuthContext = {
  userId: '5f0c1a52-8a4e-4d8f-9d38-0e6f3b0b2a11',
  username: 'rina.bappeda',
  displayName: 'Rina Marlina',
  grants: [
    { role: 'TAPD', regionCode: '32.71' },
    { role: 'BAPPEDA', regionCode: '32.71' },
    { role: 'SECRETARIAT', regionCode: '32.01' },
  ],
};

describe('auditActor', () => {
  it('names the caller with the roles held in the plan’s region', () => {
    expect(auditActor(auth, '32.71')).toEqual({ actorId: auth.userId, actorName: 'Rina Marlina', actorRole: 'BAPPEDA,TAPD' });
  });

  it('lists every role without a region, and none where the caller holds none', () => {
    expect(auditActor(auth).actorRole).toBe('BAPPEDA,SECRETARIAT,TAPD');
    expect(auditActor(auth, '33.01')).toEqual({ actorId: auth.userId, actorName: 'Rina Marlina' });
  });
});
