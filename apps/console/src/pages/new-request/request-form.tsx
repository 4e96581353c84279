import { Alert, Button, Card, Group, Loader, Text, Textarea, Title } from '@mantine/core';
import Form from '@rjsf/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError, unwrap } from '../../api/api-client';
import { ErrorAlert } from '../../components/error-alert';
import { useI18n } from '../../i18n/i18n';
import { commentIn, labelsIn, schemaIn, titleIn } from './catalog-search';
import { noEligibleDeciderWords } from './no-eligible-decider';
import { PreviewCard } from './preview-card';
import { SchemaValidator } from './schema-validator';

type Params = Record<string, unknown>;

/** An optional object the person left alone stays out of the params, its required fields unasked. */
const OPTIONAL_OBJECTS_EMPTY = { emptyObjectFields: 'skipEmptyDefaults' } as const;

/** A refusal in words: who must give whom which role for NO_ELIGIBLE_*, else the error's words. */
function Refusal({ error }: { error: unknown }) {
  const { t } = useI18n();
  const words =
    error instanceof ApiError
      ? noEligibleDeciderWords(t, error.code, error.body.details)
      : undefined;
  if (!words) return <ErrorAlert error={error} />;
  return (
    <Alert color="red" role="alert" mt="md" data-error-code={(error as ApiError).code}>
      {words}
    </Alert>
  );
}

/**
 * The chosen action's parameters, as a form generated from its JSON Schema and checked against
 * the same schema; "Preview" shows who would be R, A, C and I, "Submit" sends it and opens it.
 */
export function RequestForm({
  actionKey,
  organizationId,
}: {
  actionKey: string;
  organizationId?: string;
}) {
  const { t, language } = useI18n();
  const navigate = useNavigate();
  const form = useRef<Form<Params>>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [params, setParams] = useState<Params>({});
  const [comment, setComment] = useState('');
  const [checked, setChecked] = useState(false);
  const action = useQuery({
    queryKey: ['catalog', 'action', actionKey],
    queryFn: () =>
      unwrap(api.GET('/v1/catalog/actions/{key}', { params: { path: { key: actionKey } } })),
    staleTime: 5 * 60_000,
  });
  const validator = useMemo(
    () => new SchemaValidator((keyword, limit) => t(`newRequest.problem.${keyword}`, { limit })),
    [t],
  );
  const body = () => ({
    action: actionKey,
    params,
    ...(organizationId ? { organizationId } : {}),
    ...(comment.trim() ? { comment: comment.trim() } : {}),
  });
  const preview = useMutation({
    mutationFn: () => unwrap(api.POST('/v1/requests/preview', { body: body() })),
  });
  const submit = useMutation({
    mutationFn: () => unwrap(api.POST('/v1/requests', { body: body() })),
    onSuccess: (created) => navigate(`/requests/${created.id}`),
  });
  useEffect(() => {
    if (action.isSuccess) heading.current?.focus();
  }, [action.isSuccess]);

  /** The form's own check, its errors shown under each field; then live as the person corrects. */
  const valid = (): boolean => {
    setChecked(true);
    return form.current?.validateForm() ?? false;
  };

  if (action.isPending) return <Loader aria-label={t('status.loading')} m="md" />;
  if (action.isError) return <ErrorAlert error={action.error} />;
  const schema = schemaIn(action.data, language);
  const about = commentIn(action.data, language);
  return (
    <>
      <Card withBorder component="section" aria-labelledby="form-heading">
        <Title order={2} size="h3" id="form-heading" ref={heading} tabIndex={-1} mb="xs">
          {titleIn(action.data, language)}
        </Title>
        {about ? (
          <Text size="sm" mb="sm">
            {about}
          </Text>
        ) : null}
        {Object.keys(schema.properties ?? {}).length === 0 ? (
          <Text size="sm">{t('newRequest.noParameters')}</Text>
        ) : null}
        <Form<Params>
          ref={form}
          className="params-form"
          schema={schema}
          uiSchema={labelsIn(action.data, language)}
          validator={validator}
          formData={params}
          showErrorList={false}
          noHtml5Validate
          experimental_defaultFormStateBehavior={OPTIONAL_OBJECTS_EMPTY}
          liveValidate={checked ? 'onChange' : undefined}
          onChange={(event) => {
            setParams(event.formData ?? {});
            preview.reset();
          }}
          onSubmit={() => submit.mutate()}
          onError={() => setChecked(true)}
        >
          <Textarea
            label={t('newRequest.comment')}
            value={comment}
            maxLength={2000}
            autosize
            minRows={2}
            mt="sm"
            onChange={(event) => setComment(event.currentTarget.value)}
          />
          <Group mt="md">
            <Button
              type="button"
              variant="default"
              loading={preview.isPending}
              onClick={() => {
                if (valid()) preview.mutate();
              }}
            >
              {t('newRequest.preview')}
            </Button>
            <Button type="submit" loading={submit.isPending}>
              {t('newRequest.submit')}
            </Button>
          </Group>
        </Form>
      </Card>
      {preview.isError ? <Refusal error={preview.error} /> : null}
      {preview.isSuccess ? <PreviewCard preview={preview.data} /> : null}
      {submit.isError ? <Refusal error={submit.error} /> : null}
    </>
  );
}
