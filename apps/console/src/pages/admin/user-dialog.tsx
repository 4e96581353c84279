import { Checkbox, Group, Radio, TextInput } from '@mantine/core';
import { useState } from 'react';
import { FormDialog } from '../../components/form-dialog';
import { useI18n } from '../../i18n/i18n';
import { type Role, ROLES, sameItems, type UserKind } from './admin-forms';
import { type User, useCreateUser, useUpdateUser } from './use-users';

interface Props {
  organizationId: string;
  /** The user to edit; none to add one. */
  user?: User;
  onClose: () => void;
  /** After the engine accepted: the user's name, and the first token of a new user. */
  onDone: (name: string, token?: string) => void;
}

/** "Add user" (name, email, kind, roles) or "Edit user" (name, roles), with "Save". */
export function UserDialog({ organizationId, user, onClose, onDone }: Props) {
  const { t } = useI18n();
  const create = useCreateUser(organizationId);
  const update = useUpdateUser();
  const [name, setName] = useState(user?.name ?? '');
  const [email, setEmail] = useState('');
  const [kind, setKind] = useState<UserKind>(user?.kind ?? 'person');
  const [roles, setRoles] = useState<Role[]>(user?.roles ?? []);
  const saving = user ? update : create;

  const submit = () => {
    if (!user) {
      create.mutate(
        { name: name.trim(), email: email.trim(), roles, kind },
        { onSuccess: (created) => onDone(created.name, created.token) },
      );
      return;
    }
    const change: { name?: string; roles?: Role[] } = {};
    if (name.trim() !== user.name) change.name = name.trim();
    if (!sameItems(roles, user.roles)) change.roles = roles;
    if (change.name === undefined && change.roles === undefined) return onClose();
    update.mutate({ id: user.id, change }, { onSuccess: (saved) => onDone(saved.name) });
  };

  return (
    <FormDialog
      title={user ? t('admin.users.edit', { name: user.name }) : t('admin.users.add')}
      onClose={onClose}
      onSubmit={submit}
      saving={saving}
    >
      <TextInput
        label={t('admin.users.name')}
        required
        maxLength={200}
        value={name}
        onChange={(event) => setName(event.currentTarget.value)}
      />
      {user ? null : (
        <>
          <TextInput
            label={t('admin.users.email')}
            type="email"
            required
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
          />
          <Radio.Group
            label={t('admin.users.kind')}
            value={kind}
            onChange={(value) => setKind(value === 'service' ? 'service' : 'person')}
          >
            <Group mt="xs">
              <Radio value="person" label={t('admin.kind.person')} />
              <Radio value="service" label={t('admin.kind.service')} />
            </Group>
          </Radio.Group>
        </>
      )}
      <Checkbox.Group
        label={t('admin.users.roles')}
        description={kind === 'service' ? t('admin.users.serviceRoles') : undefined}
        value={roles}
        onChange={(value) => setRoles(ROLES.filter((role) => value.includes(role)))}
      >
        <Group mt="xs">
          {ROLES.map((role) => (
            <Checkbox key={role} value={role} label={t(`admin.role.${role}`)} />
          ))}
        </Group>
      </Checkbox.Group>
    </FormDialog>
  );
}
