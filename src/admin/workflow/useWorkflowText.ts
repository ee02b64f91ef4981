import * as React from 'react';
import { useIntl } from 'react-intl';
import { messageId, WORKFLOW_MESSAGES, type WorkflowMessageKey } from './messages';
import { panelLanguage, type PanelLanguage } from './format';

type Values = Record<string, string | number>;

/** `t(key, values)` with the Indonesian text as default, and the panel language for dates. */
export function useWorkflowText(): { t: (key: WorkflowMessageKey, values?: Values) => string; language: PanelLanguage } {
  const { formatMessage, locale } = useIntl();
  const t = React.useCallback(
    (key: WorkflowMessageKey, values?: Values) => formatMessage({ id: messageId(key), defaultMessage: WORKFLOW_MESSAGES[key].id }, values),
    [formatMessage],
  );
  return { t, language: panelLanguage(locale) };
}
