import * as React from 'react';
import { Badge, Box, Flex, TextButton, Typography } from '@strapi/design-system';
import { CaretDown, CaretUp } from '@strapi/icons';
import { formatWibShort, slaBadge, visibleHistory, type WorkflowHistoryEntry } from './format';
import { useWorkflowText } from './useWorkflowText';

const LIMIT = 10;

const HistoryItem = ({ entry }: { entry: WorkflowHistoryEntry }) => {
  const { t, language } = useWorkflowText();
  const sla = slaBadge(entry.slaMet);
  // Events without a state change: publications (written for the reports) and withdrawals.
  const eventLabel = { diterbitkan: 'history.published', diterbitkan_ulang: 'history.republished', ditarik: 'history.withdrawn', diterima_unit: 'history.unitReceipt' }[entry.event];
  const label = entry.toLabel ?? entry.to ?? (eventLabel ? t(eventLabel as Parameters<typeof t>[0]) : '—');
  return (
    <Box tag="li" data-testid="workflow-history-item" paddingTop={2} paddingBottom={2} borderColor="neutral150" style={{ borderWidth: '0 0 1px 0' }}>
      <Flex direction="column" alignItems="flex-start" gap={1}>
        <Typography variant="omega" fontWeight="semiBold" textColor="neutral800">
          {entry.event === 'dibuat' ? `${t('history.created')}: ${label}` : label}
        </Typography>
        <Typography variant="pi" textColor="neutral600" style={{ overflowWrap: 'anywhere' }}>
          {entry.actor ?? t('history.system')}
        </Typography>
        <Typography variant="pi" textColor="neutral600">
          <time dateTime={entry.at}>{formatWibShort(entry.at, language)}</time>
        </Typography>
        {entry.note ? (
          <Typography variant="pi" textColor="neutral800" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontStyle: 'italic' }}>
            “{entry.note}”
          </Typography>
        ) : null}
        {entry.forced || sla ? (
          <Flex gap={1} wrap="wrap">
            {entry.forced ? <Badge variant="warning">{t('history.forced')}</Badge> : null}
            {sla ? <Badge variant={sla.variant}>{t(sla.messageKey)}</Badge> : null}
          </Flex>
        ) : null}
      </Flex>
    </Box>
  );
};

/** "Riwayat": the latest steps (newest first, 10 unless "Tampilkan semua"), collapsible. */
export const HistoryList = ({ history }: { history: WorkflowHistoryEntry[] }) => {
  const { t } = useWorkflowText();
  const [open, setOpen] = React.useState(true);
  const [showAll, setShowAll] = React.useState(false);
  const listId = React.useId();
  const entries = visibleHistory(history, showAll, LIMIT);
  return (
    <Flex direction="column" alignItems="stretch" gap={1} data-testid="workflow-history">
      <TextButton
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        endIcon={open ? <CaretUp /> : <CaretDown />}
        onClick={() => setOpen((o) => !o)}
      >
        {`${t('history.title')} (${history.length})`}
      </TextButton>
      {open ? (
        <Box id={listId}>
          {history.length === 0 ? (
            <Typography variant="pi" textColor="neutral600">
              {t('history.empty')}
            </Typography>
          ) : (
            <Box tag="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {entries.map((entry, i) => (
                <HistoryItem key={entry.seq ?? `${entry.at}-${i}`} entry={entry} />
              ))}
            </Box>
          )}
          {history.length > LIMIT ? (
            <Box paddingTop={2}>
              <TextButton type="button" onClick={() => setShowAll((s) => !s)}>
                {showAll ? t('history.showLess') : t('history.showAll', { count: history.length })}
              </TextButton>
            </Box>
          ) : null}
        </Box>
      ) : null}
    </Flex>
  );
};
