import { evictionPolicyWarning } from './redis-eviction-check';

describe('evictionPolicyWarning', () => {
  it('says nothing for noeviction', () => {
    expect(evictionPolicyWarning('noeviction')).toBeUndefined();
  });

  it.each(['allkeys-lru', 'volatile-lru', 'allkeys-random'])('names %s and the fix', (policy) => {
    const warning = evictionPolicyWarning(policy);
    expect(warning).toContain(`"${policy}"`);
    expect(warning).toContain('set it to noeviction');
  });

  it('says the policy could not be checked when CONFIG is refused', () => {
    const warning = evictionPolicyWarning(new Error("ERR unknown command 'CONFIG'"));
    expect(warning).toContain('could not be checked');
    expect(warning).toContain('noeviction');
  });
});
