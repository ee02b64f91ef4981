import { Box, Flex, Typography } from '@strapi/design-system';
import { Widget } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import { formatWibShort } from '../workflow/format';
import { adminHref, type MyWorkAnswer } from './format';
import { SlaBadge } from './SlaBadge';
import { useGet } from './useGet';

/**
 * "Pekerjaan saya": what waits for the signed-in user's roles, or is assigned to them, across every
 * workflow type; soonest due first (GET /ppid/my-work).
 */
export const MyWorkWidget = () => {
  const { data, error, loading } = useGet<MyWorkAnswer>('/ppid/my-work?pageSize=8');
  if (loading && !data) return <Widget.Loading />;
  if (error || !data) return <Widget.Error>{error?.message}</Widget.Error>;
  const late = data.meta.procedures.filter((p) => p.breached > 0 || p.atRisk > 0);
  if (data.data.length === 0) {
    return (
      <div data-testid="my-work-empty" style={{ display: 'contents' }}>
        <Widget.NoData>Tidak ada pekerjaan yang menunggu Anda saat ini.</Widget.NoData>
      </div>
    );
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="my-work">
      {late.length > 0 ? (
        <Flex gap={2} wrap="wrap" data-testid="my-work-counts">
          {late.map((p) => (
            <Box key={p.type} background="neutral100" hasRadius padding={2}>
              <Typography variant="pi" textColor="neutral800">
                <strong>{p.procedure}</strong>: {p.breached} terlambat, {p.atRisk} hampir jatuh tempo
              </Typography>
            </Box>
          ))}
        </Flex>
      ) : null}
      <Flex direction="column" alignItems="stretch" gap={0} tag="ul">
        {data.data.map((item) => (
          <Box
            tag="li"
            key={`${item.kind}:${item.documentId}:${item.locale ?? ''}:${item.title}`}
            paddingTop={2}
            paddingBottom={2}
            borderColor="neutral150"
            style={{ borderWidth: '0 0 1px 0', borderStyle: 'solid' }}
            data-testid="my-work-item"
            data-document-id={item.documentId}
            data-status={item.status}
          >
            <Flex justifyContent="space-between" alignItems="flex-start" gap={2}>
              <Flex direction="column" alignItems="flex-start" gap={1} style={{ minWidth: 0 }}>
                <Link to={adminHref(item.link).replace(/^\/admin/, '')} style={{ textDecoration: 'none' }}>
                  <Typography variant="omega" fontWeight="semiBold" textColor="primary600" ellipsis>
                    {item.title}
                  </Typography>
                </Link>
                <Typography variant="pi" textColor="neutral600">
                  {item.procedure} · <span data-testid="my-work-state">{item.stateLabel}</span>
                </Typography>
                {item.dueAt ? (
                  <Typography variant="pi" textColor="neutral600">
                    Batas waktu: {formatWibShort(item.dueAt)}
                  </Typography>
                ) : null}
              </Flex>
              <SlaBadge status={item.status} />
            </Flex>
          </Box>
        ))}
      </Flex>
      {data.meta.pagination.total > data.data.length ? (
        <Typography variant="pi" textColor="neutral600">
          {data.data.length} dari {data.meta.pagination.total} pekerjaan ditampilkan (yang paling mendesak).
        </Typography>
      ) : null}
    </Flex>
  );
};
