'use strict';
/**
 * Shared start of scripts/backup.js and scripts/restore.js: compiles the TypeScript project to
 * dist/ (unless PPID_SKIP_COMPILE=true) and runs src/backup/cli.ts from there. No Strapi is loaded.
 */
const path = require('node:path');
const { compileServer } = require('./test-support');

/** @param {'backup' | 'restore'} kind */
function runBackupCli(kind) {
  if (process.env.PPID_SKIP_COMPILE !== 'true') {
    const status = compileServer(process.env);
    if (status !== 0) process.exit(status);
  }
  const { main } = require(path.join(__dirname, '..', 'dist', 'src', 'backup', 'cli.js'));
  main(kind, process.argv.slice(2)).then(
    (/** @type {number} */ code) => process.exit(code),
    (/** @type {unknown} */ error) => {
      console.error(error);
      process.exit(1);
    },
  );
}

module.exports = { runBackupCli };
