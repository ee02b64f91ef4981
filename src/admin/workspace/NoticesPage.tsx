import { Box } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { NoticeList } from './NoticeList';

/** The notification centre: the page behind the bell in the main menu. */
export const NoticesPage = () => (
  <Layouts.Root>
    <Page.Title>Notifikasi</Page.Title>
    <Layouts.Header title="Notifikasi" subtitle="Pemberitahuan yang dikirim kepada Anda lewat e-mail: hampir jatuh tempo, terlambat, dikembalikan, tindak lanjut baru." />
    <Layouts.Content>
      <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
        <NoticeList pageSize={50} />
      </Box>
    </Layouts.Content>
  </Layouts.Root>
);

export default NoticesPage;
