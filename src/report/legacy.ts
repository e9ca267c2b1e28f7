/** Recognising report files written before manifests (kept apart so the CLI can open its output folder without loading the report layer). */

/** The report's files, each in the legacy form fhn-derive wrote before manifests (so an old out/ is recognised, not refused). */
export const REPORT_LEGACY: Readonly<Record<string, RegExp>> = {
  'report.html': /^<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>/,
  'paper.tex': /^\\documentclass\[10pt\]\{article\}\n\\usepackage\[T1\]\{fontenc\}\n/,
  'errata.md': /^# Errata found by the engine\n/,
};
