#!/usr/bin/env node
'use strict';
/**
 * `npm run audit:verify [-- --jangkar <dir-or-file> ...]`: checks the audit trail's chain with the
 * audit keys (PPID_AUDIT_KEY, PPID_AUDIT_KEYS_OLD) and against the anchors: those in
 * PPID_AUDIT_ANCHOR_DIR, plus every directory or file named with --jangkar (alias --anchors), e.g.
 * the lines kept from the anchor e-mails. Names each broken event and each anchor that does not
 * match; exit 1 on any problem.
 */
const { withStrapi } = require('./with-strapi');

function extraSources(argv) {
  const sources = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--jangkar' || arg === '--anchors') sources.push(argv[(i += 1)]);
    else if (arg.startsWith('--jangkar=') || arg.startsWith('--anchors=')) sources.push(arg.slice(arg.indexOf('=') + 1));
    else throw new Error(`argumen tidak dikenal: ${arg} (yang dikenal: --jangkar <direktori-atau-berkas>)`);
  }
  if (sources.some((s) => !s)) throw new Error('--jangkar memerlukan direktori atau berkas');
  const fs = require('node:fs');
  const missing = sources.filter((s) => !fs.existsSync(s));
  if (missing.length) throw new Error(`jangkar tidak ditemukan: ${missing.join(', ')}`);
  return sources;
}

let extra;
try {
  extra = extraSources(process.argv.slice(2));
} catch (error) {
  console.error(/** @type {Error} */ (error).message);
  process.exit(2);
}

withStrapi(async (strapi, load) => {
  const path = require('node:path');
  const { verifyAuditTrail } = load('audit/trail');
  const { anchorDirectory, readAnchorSources } = load('audit/anchor-store');
  const sources = [anchorDirectory(strapi), ...extra.map((s) => path.resolve(s))];
  const { anchors, problems: unreadable, files } = readAnchorSources(sources);
  const report = await verifyAuditTrail(strapi, { anchors, anchorProblems: unreadable });
  const anchorNote =
    files.length === 0
      ? `tidak ada berkas jangkar di ${sources.join(', ')}: pemotongan ekor rantai tidak dapat diperiksa`
      : `${report.anchorsChecked} jangkar dari ${files.length} berkas diperiksa`;
  if (report.ok) {
    console.log(`Jejak audit utuh: ${report.count} peristiwa diperiksa, rantai hash dan segel kunci cocok; ${anchorNote}.`);
    return 0;
  }
  for (const problem of report.problems) {
    const where = problem.seq ? `pada peristiwa #${problem.seq}` : `di ${problem.source}:${problem.line}`;
    console.error(`Jejak audit RUSAK ${where}: ${problem.reason}.`);
  }
  const chainBroken = report.problems.length > 0 && report.problems[0].source === undefined;
  console.error(
    chainBroken
      ? `${report.count} peristiwa sebelum #${report.seq} utuh; ${anchorNote}.`
      : `Rantai ${report.count} peristiwa cocok dengan kuncinya, tetapi tidak dengan jangkarnya; ${anchorNote}.`,
  );
  return 1;
});
