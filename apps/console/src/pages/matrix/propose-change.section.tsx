import {
  Alert,
  Button,
  List,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../api/api-client';
import { ErrorAlert } from '../../components/error-alert';
import { useI18n } from '../../i18n/i18n';
import { fromLocalInput } from '../../components/local-date-time';
import { diffLines } from './matrix-diff';

/**
 * "Propose a change": one product's file of the version in force, edited as YAML and checked as
 * one types by the same validator as `catalog:validate` (each problem with its line, or the rows
 * it changes, in words); "Submit" makes it a request the provider's approvers decide.
 */
export function ProposeChangeSection({ version }: { version: number }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [product, setProduct] = useState('');
  const [yaml, setYaml] = useState('');
  const [reason, setReason] = useState('');
  const [effectiveAt, setEffectiveAt] = useState('');
  const current = useQuery({
    queryKey: ['catalog', 'versions', version],
    queryFn: () =>
      unwrap(api.GET('/v1/catalog/versions/{version}', { params: { path: { version } } })),
    enabled: open,
    staleTime: Infinity,
  });
  const files = current.data?.files ?? {};
  const typed = useDeferredValue(yaml);
  const check = useQuery({
    queryKey: ['catalog', 'change-check', product, typed],
    queryFn: () =>
      unwrap(api.POST('/v1/catalog/changes/check', { body: { product, yaml: typed } })),
    enabled: open && product !== '' && typed !== '',
    staleTime: Infinity,
  });
  const submit = useMutation({
    mutationFn: () => {
      const at = fromLocalInput(effectiveAt);
      return unwrap(
        api.POST('/v1/catalog/changes', {
          body: { product, yaml, reason, ...(at ? { effectiveAt: at.toISOString() } : {}) },
        }),
      );
    },
    onSuccess: (request) => void navigate(`/requests/${request.id}`),
  });
  if (!open) {
    return (
      <Button variant="default" onClick={() => setOpen(true)} w="fit-content">
        {t('matrix.propose.open')}
      </Button>
    );
  }
  const lines = check.data?.diff ? diffLines(check.data.diff, t) : [];
  return (
    <section aria-labelledby="matrix-propose">
      <Title order={2} size="h3" id="matrix-propose" mb="xs">
        {t('matrix.propose.heading')}
      </Title>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit.mutate();
        }}
      >
        <Stack>
          <Text size="sm">{t('matrix.propose.hint')}</Text>
          <NativeSelect
            label={t('matrix.propose.product')}
            value={product}
            onChange={(event) => {
              // Another file: its text as in force, to edit.
              const next = event.currentTarget.value;
              setProduct(next);
              setYaml(files[next] ?? '');
            }}
            data={[
              { value: '', label: t('matrix.propose.choose'), disabled: true },
              ...Object.keys(files).sort(),
            ]}
            required
          />
          <Textarea
            label={t('matrix.propose.yaml')}
            value={yaml}
            onChange={(event) => setYaml(event.currentTarget.value)}
            autosize
            minRows={8}
            maxRows={24}
            spellCheck={false}
            className="code-input"
            required
          />
          <div role="status" aria-live="polite">
            {check.data && !check.data.valid ? (
              <Alert color="red" title={t('matrix.propose.invalid')}>
                <List size="sm">
                  {check.data.problems.map((problem) => (
                    <List.Item key={`${problem.line}:${problem.message}`}>
                      {t('matrix.propose.problem', {
                        line: problem.line,
                        message: problem.message,
                      })}
                    </List.Item>
                  ))}
                </List>
              </Alert>
            ) : null}
            {check.data?.valid ? (
              <Text size="sm">
                {lines.length === 0 ? t('matrix.propose.unchanged') : t('matrix.propose.valid')}
              </Text>
            ) : null}
          </div>
          {lines.length > 0 ? (
            <List size="sm" aria-label={t('matrix.propose.changes')}>
              {lines.map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
          ) : null}
          {check.isError ? <ErrorAlert error={check.error} /> : null}
          <TextInput
            label={t('matrix.propose.reason')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            required
          />
          <TextInput
            type="datetime-local"
            label={t('matrix.propose.effectiveAt')}
            description={t('matrix.propose.effectiveAtHint')}
            value={effectiveAt}
            onChange={(event) => setEffectiveAt(event.currentTarget.value)}
          />
          {submit.isError ? <ErrorAlert error={submit.error} /> : null}
          <Button type="submit" loading={submit.isPending} w="fit-content">
            {t('matrix.propose.submit')}
          </Button>
        </Stack>
      </form>
    </section>
  );
}
