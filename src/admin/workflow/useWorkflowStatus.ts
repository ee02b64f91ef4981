import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { describeError, workflowUrl, type PanelError, type WorkflowStatus, type WorkflowTypeInfo } from './format';

export interface WorkflowStatusState {
  data: WorkflowStatus | null;
  error: PanelError | null;
  loading: boolean;
  /** Fetch again (keeps showing the current data meanwhile). */
  reload: () => void;
  /** Use a status the server just answered with (a transition returns the new status). */
  replace: (data: WorkflowStatus) => void;
}

/**
 * GET /ppid/workflow/:type/:documentId with the admin fetch client. Fetches again whenever
 * `revision` changes (the document was saved or refetched). Answers of superseded requests are
 * dropped, so a slow old answer never overwrites a newer one.
 */
export function useWorkflowStatus(type: WorkflowTypeInfo, documentId: string, locale: string | null, revision: string): WorkflowStatusState {
  const { get } = useFetchClient();
  const [data, setData] = React.useState<WorkflowStatus | null>(null);
  const [error, setError] = React.useState<PanelError | null>(null);
  const [loading, setLoading] = React.useState(true);
  const [tick, setTick] = React.useState(0);
  const latest = React.useRef(0);

  React.useEffect(() => {
    const request = ++latest.current;
    setLoading(true);
    get<{ data: WorkflowStatus }>(workflowUrl(type, documentId, locale))
      .then((res) => {
        if (request !== latest.current) return;
        setData(res.data.data);
        setError(null);
      })
      .catch((err: unknown) => {
        const problem = describeError(err);
        if (request !== latest.current || problem.aborted) return;
        setError(problem);
      })
      .finally(() => {
        if (request === latest.current) setLoading(false);
      });
  }, [get, type, documentId, locale, revision, tick]);

  const reload = React.useCallback(() => setTick((n) => n + 1), []);
  const replace = React.useCallback((next: WorkflowStatus) => {
    latest.current += 1; // an answer still in flight is older than this one
    setData(next);
    setError(null);
    setLoading(false);
  }, []);
  return { data, error, loading, reload, replace };
}
