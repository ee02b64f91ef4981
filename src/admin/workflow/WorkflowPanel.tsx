import * as React from 'react';
import { Box, Button, Flex, Loader, Typography } from '@strapi/design-system';
import {
  unstable_useDocument as useDocument,
  useFetchClient,
  useForm,
  useNotification,
  useAuth,
  useQueryParams,
} from '@strapi/strapi/admin';
import type { PanelComponent, PanelComponentProps } from '@strapi/content-manager/strapi-admin';
import {
  currentLocale,
  describeError,
  documentQueryParams,
  loadErrorKey,
  receiptsToConfirm,
  receiptUrl,
  transitionBody,
  workflowTypeOf,
  workflowUrl,
  type WorkflowStatus,
  type WorkflowTransition,
  type WorkflowTypeInfo,
} from './format';
import { HistoryList } from './HistoryList';
import { StateSummary } from './StateSummary';
import { TransitionDialog } from './TransitionDialog';
import { useWorkflowStatus } from './useWorkflowStatus';
import { useWorkflowText } from './useWorkflowText';
import { useWorkflowTypes } from './useWorkflowTypes';

interface ContentProps {
  model: string;
  type: WorkflowTypeInfo;
  collectionType: string;
  documentId: string;
  locale: string | null;
  /** changes when the document was saved or refetched: the panel fetches again */
  revision: string;
}

/** Refetches the Content Manager's own query of this document, so the form shows the new state. */
function useDocumentRefetch(model: string, collectionType: string, documentId: string) {
  const [{ query }] = useQueryParams<Record<string, unknown>>();
  const params = React.useMemo(() => documentQueryParams(query), [query]);
  const { refetch } = useDocument({ model, collectionType, documentId, params });
  return refetch;
}

const TransitionButtons = ({ transitions, onPick }: { transitions: WorkflowTransition[]; onPick: (t: WorkflowTransition) => void }) => {
  const { t } = useWorkflowText();
  if (transitions.length === 0) {
    return (
      <Typography variant="pi" textColor="neutral600" data-testid="workflow-no-steps">
        {t('panel.noSteps')}
      </Typography>
    );
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="workflow-steps">
      <Typography variant="pi" textColor="neutral600">
        {t('panel.steps')}
      </Typography>
      {transitions.map((transition) => (
        <Button
          key={transition.to}
          type="button"
          fullWidth
          variant={transition.noteRequired ? 'danger-light' : 'secondary'}
          data-to={transition.to}
          onClick={() => onPick(transition)}
          style={{ height: 'auto', minHeight: '3.2rem', whiteSpace: 'normal', textAlign: 'center' }}
        >
          {transition.label}
        </Button>
      ))}
    </Flex>
  );
};

/**
 * A memo's target-unit Kabid confirms that the memo reached the unit (SOP seed 000 A4); shown only
 * to the Kabid of a unit whose receipt is still open.
 */
const ReceiptConfirm = ({ type, documentId, status, onDone }: { type: string; documentId: string; status: WorkflowStatus; onDone: () => void }) => {
  const { t } = useWorkflowText();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const email = useAuth('PpidReceiptConfirm', (auth) => auth.user?.email ?? null);
  const [busy, setBusy] = React.useState(false);
  const open = receiptsToConfirm(status, email);
  if (open.length === 0) return null;
  const confirm = async () => {
    setBusy(true);
    try {
      await post(receiptUrl(type, documentId), {});
      toggleNotification({ type: 'success', message: t('extra.receiptConfirmed') });
      onDone();
    } catch (err) {
      toggleNotification({ type: 'danger', message: describeError(err).message ?? t('dialog.failed') });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button type="button" fullWidth variant="success-light" loading={busy} onClick={confirm} data-testid="workflow-confirm-receipt">
      {t('extra.confirmReceipt', { unit: open.map((r) => r.unit).join(', ') })}
    </Button>
  );
};

const WorkflowPanelContent = ({ model, type, collectionType, documentId, locale, revision }: ContentProps) => {
  const { t } = useWorkflowText();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const formModified = Boolean(useForm('WorkflowPanel', (state) => state.modified, false));
  const refetchDocument = useDocumentRefetch(model, collectionType, documentId);
  const { data, error, loading, reload, replace } = useWorkflowStatus(type, documentId, locale, revision);
  // The step being confirmed, with the state it was offered in (kept even if a refresh removes it).
  const [pending, setPending] = React.useState<{ transition: WorkflowTransition; from: WorkflowStatus } | null>(null);

  const takeStep = async (note: string): Promise<string | null> => {
    if (!pending) return null;
    const { transition, from } = pending;
    try {
      const res = await post<{ data: WorkflowStatus }>(
        workflowUrl(type, documentId, locale, '/transitions'),
        transitionBody(transition.to, note, from.state),
      );
      const next = res.data.data;
      replace(next);
      setPending(null);
      toggleNotification({ type: 'success', message: t('toast.updated', { state: next.stateLabel }) });
      refetchDocument();
      return null;
    } catch (err) {
      const problem = describeError(err);
      if (problem.status === 409) {
        reload();
        if (!formModified) refetchDocument();
      }
      return problem.message ?? t('dialog.failed');
    }
  };

  let body: React.ReactNode;
  if (!data && loading) {
    body = (
      <Flex gap={2} data-testid="workflow-loading">
        <Loader small>{t('panel.loading')}</Loader>
        <Typography variant="pi" textColor="neutral600">
          {t('panel.loading')}
        </Typography>
      </Flex>
    );
  } else if (error && (!data || error.status === 403 || error.status === 404)) {
    body = (
      <Flex direction="column" alignItems="stretch" gap={2} data-testid="workflow-error">
        <Box role="alert" background="danger100" borderColor="danger200" hasRadius padding={3}>
          <Typography variant="pi" textColor="danger700">
            {t(loadErrorKey(error.status))}
          </Typography>
        </Box>
        {error.status !== 403 ? (
          <Button type="button" variant="tertiary" size="S" onClick={reload}>
            {t('error.retry')}
          </Button>
        ) : null}
      </Flex>
    );
  } else if (data) {
    body = (
      <Flex direction="column" alignItems="stretch" gap={4} aria-busy={loading}>
        <StateSummary status={data} />
        <ReceiptConfirm type={type.name} documentId={documentId} status={data} onDone={reload} />
        <TransitionButtons transitions={data.transitions} onPick={(transition) => setPending({ transition, from: data })} />
        <HistoryList history={data.history} />
      </Flex>
    );
  }

  return (
    <Box width="100%" data-testid="workflow-panel">
      {body}
      {pending ? (
        <TransitionDialog
          transition={pending.transition}
          fromLabel={pending.from.stateLabel}
          formModified={formModified}
          stale={Boolean(data && data.state !== pending.from.state)}
          onConfirm={takeStep}
          onClose={() => setPending(null)}
        />
      ) : null}
    </Box>
  );
};

const CreateHint = () => {
  const { t } = useWorkflowText();
  return (
    <Typography variant="pi" textColor="neutral600" data-testid="workflow-create-hint">
      {t('panel.createHint')}
    </Typography>
  );
};

/**
 * The "Alur kerja" edit-view side panel of the content types with a workflow (as the server lists
 * them at /ppid/workflow-types); other content types get no panel.
 */
export const WorkflowPanel: PanelComponent = ({ model, collectionType, documentId, document }: PanelComponentProps) => {
  const { t } = useWorkflowText();
  const [{ query }] = useQueryParams<Record<string, unknown>>();
  const types = useWorkflowTypes();
  const type = types ? workflowTypeOf(types, model) : null;
  if (!type) return null;
  if (!documentId || !document) return { title: t('panel.title'), content: <CreateHint /> };
  const doc = document as Record<string, unknown>;
  const locale = type.perLocale ? currentLocale(doc.locale, query) : null;
  const revision = `${String(doc.updatedAt ?? '')}|${String(doc.statusAlur ?? '')}`;
  return {
    title: t('panel.title'),
    content: (
      <WorkflowPanelContent model={model} type={type} collectionType={collectionType} documentId={documentId} locale={locale} revision={revision} />
    ),
  };
};
WorkflowPanel.displayName = 'PpidWorkflowPanel';
