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

describe('evictionPolicyWarning on a Redis Cluster', () => {
  it('names the master whose policy evicts', () => {
    const warning = evictionPolicyWarning('allkeys-lru', '10.0.0.2:7001');
    expect(warning).toContain('"allkeys-lru" on 10.0.0.2:7001: set it to noeviction');
  });
});
