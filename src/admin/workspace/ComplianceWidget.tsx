import { Box, Flex, Typography } from '@strapi/design-system';
import { Widget } from '@strapi/strapi/admin';
import { formatWibShort } from '../workflow/format';
import type { ComplianceAnswer } from './format';
import { SlaBadge } from './SlaBadge';
import { useGet } from './useGet';

const dateOrDash = (value: string | null, empty: string) => (value ? formatWibShort(value) : empty);

/**
 * "Kepatuhan SOP" (Kepala Dinas, Koordinator, super admin): each recurring obligation with its last
 * fulfilment, next due date and status, and this month's SLA breaches per procedure step.
 */
export const ComplianceWidget = () => {
  const { data, error, loading } = useGet<ComplianceAnswer>('/ppid/compliance');
  if (loading && !data) return <Widget.Loading />;
  if (error?.status === 403) return <Widget.NoPermissions />;
  if (error || !data) return <Widget.Error>{error?.message}</Widget.Error>;
  const { obligations, breaches } = data.data;
  return (
    <Flex direction="column" alignItems="stretch" gap={4} data-testid="compliance">
      <Flex direction="column" alignItems="stretch" gap={0} tag="ul">
        {obligations.map((o) => (
          <Box tag="li" key={o.name} paddingTop={2} paddingBottom={2} borderColor="neutral150" style={{ borderWidth: '0 0 1px 0', borderStyle: 'solid' }} data-testid="obligation" data-name={o.name}>
            <Flex justifyContent="space-between" alignItems="flex-start" gap={2}>
              <Flex direction="column" alignItems="flex-start" gap={1}>
                <Typography variant="omega" fontWeight="semiBold">
                  {o.label}
                </Typography>
                <Typography variant="pi" textColor="neutral600">
                  Terakhir dipenuhi: {dateOrDash(o.lastFulfilledAt, 'belum tercatat')} · Berikutnya: {dateOrDash(o.nextDueAt, 'tidak ada')}
                </Typography>
                {o.count ? (
                  <Typography variant="pi" textColor="neutral600">
                    {o.count.total} entri berkala: {o.count.breached} terlambat, {o.count.atRisk} hampir jatuh tempo
                  </Typography>
                ) : null}
              </Flex>
              <SlaBadge status={o.status} />
            </Flex>
          </Box>
        ))}
      </Flex>
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography variant="sigma" textColor="neutral600">
          Pelanggaran SLA bulan ini
        </Typography>
        {breaches.length === 0 ? (
          <Typography variant="pi" textColor="neutral600" data-testid="breaches-empty">
            Belum ada langkah yang melewati batas waktu bulan ini.
          </Typography>
        ) : (
          breaches.map((b) => (
            <Flex key={`${b.type}|${b.state}`} justifyContent="space-between" gap={2} data-testid="breach">
              <Typography variant="pi">
                {b.procedure} · {b.stateLabel}
              </Typography>
              <Typography variant="pi" fontWeight="bold" textColor="danger600">
                {b.closedLate + b.openOverdue} ({b.openOverdue} masih menunggu)
              </Typography>
            </Flex>
          ))
        )}
      </Flex>
    </Flex>
  );
};
