import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { WorkflowTypeInfo } from './format';

/** One request per page load: the list changes only when the server is redeployed. */
let cached: Promise<WorkflowTypeInfo[]> | null = null;

/**
 * The content types with a workflow (GET /ppid/workflow-types), or null while loading. A failed
 * request is not cached, so the next panel mount asks again.
 */
export function useWorkflowTypes(): WorkflowTypeInfo[] | null {
  const { get } = useFetchClient();
  const [types, setTypes] = React.useState<WorkflowTypeInfo[] | null>(null);
  React.useEffect(() => {
    let alive = true;
    cached ??= get<{ data: WorkflowTypeInfo[] }>('/ppid/workflow-types').then((res) => res.data.data);
    cached.then(
      (list) => alive && setTypes(list),
      () => {
        cached = null;
      },
    );
    return () => {
      alive = false;
    };
  }, [get]);
  return types;
}
