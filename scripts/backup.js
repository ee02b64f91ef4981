#!/usr/bin/env node
'use strict';
/**
 * `npm run backup [-- --out <dir>]`: the database, the uploaded files and a manifest of the keys
 * needed to read them (names and fingerprints, never values) into a new directory
 * (default cadangan/ppid-<time>). See src/backup/ and the README, "Backup and restore".
 */
const { runBackupCli } = require('./backup-cli');

runBackupCli('backup');
