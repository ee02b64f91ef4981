import * as React from 'react';
import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import { useFetchClient, Widget } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';
import { formatWibShort } from '../workflow/format';
import { adminHref, type Notice } from './format';
import { useGet } from './useGet';

const KIND_VARIANT: Record<string, 'danger' | 'warning' | 'secondary' | 'neutral'> = {
  sla_terlambat: 'danger',
  sla_berisiko: 'warning',
  dikembalikan: 'secondary',
  tindak_lanjut_baru: 'secondary',
};

interface Answer {
  data: Notice[];
  meta: { unread: number; pagination: { total: number } };
}

/**
 * The notices e-mailed to the signed-in user (GET /ppid/my-notices): at risk, overdue, returned to
 * them, new follow-up item. Opening one marks it read (POST /ppid/my-notices/:id/read) and goes to
 * its document.
 */
export const NoticeList = ({ pageSize }: { pageSize: number }) => {
  const { data, error, loading, reload } = useGet<Answer>(`/ppid/my-notices?pageSize=${pageSize}`);
  const { post } = useFetchClient();
  const navigate = useNavigate();
  const [open, setOpen] = React.useState<number | null>(null);
  if (loading && !data) return <Widget.Loading />;
  if (error || !data) return <Widget.Error>{error?.message}</Widget.Error>;
  if (data.data.length === 0) {
    return (
      <div data-testid="notices-empty" style={{ display: 'contents' }}>
        <Widget.NoData>Belum ada notifikasi untuk Anda.</Widget.NoData>
      </div>
    );
  }
  const openNotice = async (notice: Notice) => {
    if (!notice.readAt) await post(`/ppid/my-notices/${notice.id}/read`, {}).catch(() => undefined);
    if (notice.link) navigate(adminHref(notice.link).replace(/^\/admin/, ''));
    else {
      setOpen(notice.id);
      reload();
    }
  };
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="notices">
      <Typography variant="pi" textColor="neutral600" data-testid="notices-unread">
        {data.meta.unread} belum dibaca
      </Typography>
      <Flex direction="column" alignItems="stretch" gap={0} tag="ul">
        {data.data.map((notice) => (
          <Box
            tag="li"
            key={notice.id}
            paddingTop={2}
            paddingBottom={2}
            borderColor="neutral150"
            style={{ borderWidth: '0 0 1px 0', borderStyle: 'solid' }}
            data-testid="notice"
            data-kind={notice.kind}
            data-read={notice.readAt ? 'true' : 'false'}
          >
            <button
              type="button"
              onClick={() => void openNotice(notice)}
              style={{ all: 'unset', cursor: 'pointer', display: 'block', width: '100%' }}
              aria-label={`Buka notifikasi: ${notice.subject}`}
            >
              <Flex justifyContent="space-between" alignItems="flex-start" gap={2}>
                <Flex direction="column" alignItems="flex-start" gap={1} style={{ minWidth: 0 }}>
                  <Typography variant="omega" fontWeight={notice.readAt ? 'regular' : 'bold'} textColor="neutral800">
                    {notice.readAt ? '' : '● '}
                    {notice.subject.replace(/^\[PPID\]\s*/, '')}
                  </Typography>
                  <Typography variant="pi" textColor="neutral600">
                    {formatWibShort(notice.createdAt)}
                  </Typography>
                  {open === notice.id ? (
                    <Typography variant="pi" textColor="neutral700" style={{ whiteSpace: 'pre-line' }}>
                      {notice.text}
                    </Typography>
                  ) : null}
                </Flex>
                <Badge variant={KIND_VARIANT[notice.kind] ?? 'neutral'}>{notice.kindLabel}</Badge>
              </Flex>
            </button>
          </Box>
        ))}
      </Flex>
    </Flex>
  );
};

export const NoticesWidget = () => <NoticeList pageSize={6} />;
