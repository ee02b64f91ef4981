'use strict';

/**
 * Development/test email provider. Nothing leaves the machine: each message is written to the
 * log (mode "log") and kept in a bounded in-memory outbox that tests read through
 * `globalThis.__ppidOutbox` (mode "capture" keeps it without logging).
 */
const OUTBOX_LIMIT = 1000;

function outbox() {
  if (!globalThis.__ppidOutbox) globalThis.__ppidOutbox = [];
  return globalThis.__ppidOutbox;
}

module.exports = {
  init(providerOptions = {}, settings = {}) {
    const mode = providerOptions.mode || 'log';
    return {
      async send(options) {
        const message = {
          from: options.from || settings.defaultFrom,
          to: options.to,
          subject: options.subject,
          text: options.text,
          html: options.html,
          sentAt: new Date().toISOString(),
        };
        const box = outbox();
        box.push(message);
        if (box.length > OUTBOX_LIMIT) box.splice(0, box.length - OUTBOX_LIMIT);
        if (mode === 'log') {
          // eslint-disable-next-line no-console
          console.log(`[email:outbox] to=${message.to} subject=${JSON.stringify(message.subject)}`);
        }
      },
    };
  },
};
