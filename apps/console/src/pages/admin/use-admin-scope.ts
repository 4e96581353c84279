import { useSearchParams } from 'react-router';
import type { Schemas } from '../../api/api-client';
import { useMe } from '../../session/use-me';
import { useOrganizations } from '../../session/use-organizations';

export type Organization = Schemas['OrganizationResponse'];

/** Whether the signed-in person is an admin, and of the provider (who administers every customer). */
export function useAdminScope() {
  const me = useMe();
  const roles = me.data?.roles ?? [];
  return {
    me: me.data,
    isAdmin: roles.includes('admin'),
    isProviderAdmin: roles.includes('admin') && me.data?.organization.kind === 'provider',
  };
}

/**
 * The organization an admin page is about, kept in the address (`?org=`) so that a link keeps it:
 * the admin's own by default, or the first customer where only customers have one (`customersOnly`).
 */
export function useChosenOrganization({ customersOnly = false } = {}) {
  const { me } = useAdminScope();
  const organizations = useOrganizations();
  const [params, setParams] = useSearchParams();
  const choices = [...(organizations.data?.values() ?? [])]
    .filter((organization) => !customersOnly || organization.kind === 'customer')
    .sort((a, b) => a.name.localeCompare(b.name));
  const asked = params.get('org');
  const fallback = customersOnly
    ? (choices.find((o) => o.id === me?.organization.id) ?? choices[0])?.id
    : me?.organization.id;
  const id = asked && choices.some((o) => o.id === asked) ? asked : fallback;
  const choose = (next: string) =>
    setParams(
      (current) => {
        current.set('org', next);
        return current;
      },
      { replace: true },
    );
  return { id, choices, choose, organizations };
}
