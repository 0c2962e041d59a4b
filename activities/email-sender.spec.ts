import { emailMessageId } from './email-sender';

describe('emailMessageId', () => {
  it('is the delivery id at the sender’s domain, so every attempt carries the same one', () => {
    expect(emailMessageId('0b7f3c2e-9f7a-4c1e-8d5b-2a6e4f1c3d9b', 'Jalin <no-reply@kotabogor.go.id>')).toBe(
      '<0b7f3c2e-9f7a-4c1e-8d5b-2a6e4f1c3d9b@kotabogor.go.id>',
    );
    expect(emailMessageId('d1', 'no-reply@jalin.local')).toBe('<d1@jalin.local>');
  });
});
