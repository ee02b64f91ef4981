import * as React from 'react';
import { Box, Button, Field, Flex, Modal, Textarea, Typography } from '@strapi/design-system';
import { canConfirm, type WorkflowTransition } from './format';
import { useWorkflowText } from './useWorkflowText';

export interface TransitionDialogProps {
  transition: WorkflowTransition;
  fromLabel: string;
  /** The edit form has unsaved changes (a successful step reloads the document). */
  formModified: boolean;
  /** The document has left the state this step was offered in (a refresh after a refusal showed it). */
  stale: boolean;
  /** Takes the step; resolves to null on success (the parent closes the dialog) or to the refusal to show. */
  onConfirm: (note: string) => Promise<string | null>;
  onClose: () => void;
}

/**
 * Confirms one workflow step, with a note (required when the step says so). A refusal is shown
 * here and the dialog stays open with the note as typed, so nothing the user wrote is lost.
 */
export const TransitionDialog = ({ transition, fromLabel, formModified, stale, onConfirm, onClose }: TransitionDialogProps) => {
  const { t } = useWorkflowText();
  const [note, setNote] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  const [refusal, setRefusal] = React.useState<string | null>(null);
  const noteId = React.useId();

  const confirm = async () => {
    if (stale || !canConfirm(transition, note, busy)) return;
    setBusy(true);
    setRefusal(null);
    try {
      setRefusal(await onConfirm(note));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal.Root open onOpenChange={(open: boolean) => !open && !busy && onClose()}>
      <Modal.Content data-testid="workflow-dialog" style={{ maxWidth: '52rem' }}>
        <Modal.Header closeLabel={t('dialog.close')}>
          <Modal.Title>{transition.label}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Typography variant="omega">{t('dialog.question', { from: fromLabel, step: transition.label })}</Typography>
            {formModified ? (
              <Box background="warning100" borderColor="warning200" hasRadius padding={3}>
                <Typography variant="pi" textColor="warning700">
                  {t('dialog.unsavedChanges')}
                </Typography>
              </Box>
            ) : null}
            <Field.Root
              id={noteId}
              name="note"
              required={transition.noteRequired}
              hint={transition.noteRequired ? t('dialog.noteRequiredHint') : t('dialog.noteOptionalHint')}
            >
              <Field.Label>{t('dialog.note')}</Field.Label>
              <Textarea
                name="note"
                value={note}
                maxLength={5000}
                onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setNote(event.target.value)}
              />
              <Field.Hint />
            </Field.Root>
            {refusal ? (
              <Box role="alert" data-testid="workflow-refusal" background="danger100" borderColor="danger200" hasRadius padding={3}>
                <Flex direction="column" alignItems="flex-start" gap={1}>
                  <Typography variant="omega" fontWeight="bold" textColor="danger700">
                    {t('dialog.refusedTitle')}
                  </Typography>
                  <Typography variant="pi" textColor="danger700">
                    {refusal}
                  </Typography>
                </Flex>
              </Box>
            ) : null}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button type="button" variant="tertiary" disabled={busy}>
              {t('dialog.cancel')}
            </Button>
          </Modal.Close>
          <Button
            type="button"
            variant={transition.noteRequired ? 'danger-light' : 'default'}
            disabled={stale || !canConfirm(transition, note)}
            loading={busy}
            onClick={confirm}
          >
            {t('dialog.confirm')}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
