import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import { formatWib, stateBadgeVariant, timerBadge, type WorkflowStatus } from './format';
import { useWorkflowText } from './useWorkflowText';

/** The current state as a badge and, when the state has an SLA, its due time (WIB) and status. */
export const StateSummary = ({ status }: { status: WorkflowStatus }) => {
  const { t, language } = useWorkflowText();
  const variant = stateBadgeVariant(status);
  const timer = status.timer ? timerBadge(status.timer.status) : null;
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Typography variant="pi" textColor="neutral600">
        {t('panel.currentState')}
      </Typography>
      <Box
        data-testid="workflow-state"
        data-state={status.state}
        data-final={status.final ? 'true' : 'false'}
        background={`${variant}100`}
        borderColor={`${variant}200`}
        hasRadius
        paddingTop={2}
        paddingBottom={2}
        paddingLeft={3}
        paddingRight={3}
      >
        <Typography variant="omega" fontWeight="bold" textColor={`${variant}700`}>
          {status.stateLabel}
        </Typography>
      </Box>
      {status.timer && timer ? (
        <Flex direction="column" alignItems="flex-start" gap={1} data-testid="workflow-timer" data-status={status.timer.status}>
          <Typography variant="pi" textColor="neutral800">
            {t('timer.due', { due: formatWib(status.timer.dueAt, language) })}
          </Typography>
          <Badge variant={timer.variant}>{t(timer.messageKey)}</Badge>
          {status.timer.pausedMinutes ? (
            <Typography variant="pi" textColor="neutral600" data-testid="workflow-timer-paused">
              {t('timer.pausedMinutes', { minutes: String(status.timer.pausedMinutes) })}
            </Typography>
          ) : null}
        </Flex>
      ) : null}
      {status.extra?.menungguPersetujuan?.length ? (
        <Flex direction="column" alignItems="flex-start" gap={1} data-testid="workflow-approval-waits">
          <Typography variant="pi" fontWeight="bold" textColor="neutral800">
            {t('extra.approvalWaits')}
          </Typography>
          {status.extra.menungguPersetujuan.map((w) => (
            <Typography key={`${w.documentId}:${w.locale ?? ''}`} variant="pi" textColor="neutral800">
              {t('extra.approvalWait', { entry: w.entri, due: formatWib(w.jatuhTempo, language) })}
            </Typography>
          ))}
        </Flex>
      ) : null}
      {status.extra?.penerimaan?.length ? (
        <Flex direction="column" alignItems="flex-start" gap={1} data-testid="workflow-receipts">
          <Typography variant="pi" fontWeight="bold" textColor="neutral800">
            {t('extra.receipts')}
          </Typography>
          {status.extra.penerimaan.map((r) => (
            <Typography key={r.unit} variant="pi" textColor="neutral800">
              {r.diterimaPada
                ? t('extra.received', { unit: r.unit, actor: r.diterimaOleh ?? '-', at: formatWib(r.diterimaPada, language) })
                : t('extra.notReceived', { unit: r.unit })}
            </Typography>
          ))}
        </Flex>
      ) : null}
    </Flex>
  );
};
