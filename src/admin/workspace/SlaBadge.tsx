import { Badge } from '@strapi/design-system';
import { slaBadge, type SlaStatus } from './format';

/** The SLA status in text and colour. */
export const SlaBadge = ({ status }: { status: SlaStatus | string }) => {
  const badge = slaBadge(status);
  return (
    <Badge variant={badge.variant} data-testid="sla-badge" data-status={status}>
      {badge.text}
    </Badge>
  );
};
