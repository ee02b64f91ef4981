#!/usr/bin/env node
'use strict';
/**
 * `npm run restore -- <backup dir> [--ganti]`: puts a backup made by `npm run backup` back into
 * the configured database and upload storage. Refuses (exit 2, nothing changed) when the backup is
 * damaged, when the configured keys do not match its manifest, or when the target is not empty
 * (unless --ganti). Stop the CMS first. See the README, "Backup and restore".
 */
const { runBackupCli } = require('./backup-cli');

runBackupCli('restore');
