/**
 * Escaping for TeX: plain text (escape-latex for the special characters, our own table for the
 * symbols the paper's text uses as math, every other character beyond Latin Extended-B and every
 * control character as `[U+XXXX]`), and names set in math mode (`\\mathrm{...}`), so no name or
 * title can issue a command (`\\input`, `\\write18`) or break the run (`$`, `θ`, a newline).
 */
import escapeLatex from 'escape-latex';
import { codePointLabel } from './text.ts';

const CONTROLS = /\p{Cc}/gu;

const UNICODE: Record<string, string> = {
  θ: '$\\theta$',
  ε: '$\\varepsilon$',
  ρ: '$\\rho$',
  μ: '$\\mu$',
  ν: '$\\nu$',
  ψ: '$\\psi$',
  Ψ: '$\\Psi$',
  σ: '$\\sigma$',
  τ: '$\\tau$',
  κ: '$\\kappa$',
  γ: '$\\gamma$',
  π: '$\\pi$',
  φ: '$\\varphi$',
  Φ: '$\\Phi$',
  '∫': '$\\int$',
  '≤': '$\\le$',
  '≥': '$\\ge$',
  '→': '$\\to$',
  '⊗': '$\\otimes$',
  '∂': '$\\partial$',
  '≈': '$\\approx$',
  '−': '-',
  '·': '$\\cdot$',
  '×': '$\\times$',
  '∞': '$\\infty$',
  '√': '$\\surd$',
  '²': '$^2$',
  '‖': '$\\|$',
  '…': '\\ldots{}',
  '§': '\\S{}',
  '–': '--',
  '—': '---',
  '’': "'",
  '‘': '`',
  '“': '``',
  '”': "''",
};

/**
 * Escape plain text for LaTeX: the special characters by escape-latex; on top of it, our own table
 * writes the symbols the paper's text uses as math (pdflatex has no Unicode fonts by default) and
 * any other character beyond Latin Extended-B as `[U+XXXX]`, so the .tex always compiles.
 */
export function escapeTex(s: string): string {
  return escapeLatex(s.replace(CONTROLS, codePointLabel), { escapeMapFn: (specials) => ({ ...specials, ...UNICODE }) }).replace(
    /[\u0250-\u{10ffff}]/gu,
    (ch) => `[U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase()}]`,
  );
}

/**
 * A name in math mode, inside `\\mathrm{...}`: letters and digits as they are, `_` as `\\_`, every
 * other character as text (`\\text{...}` of its escapeTex form), which pdflatex and KaTeX both read.
 */
export function escapeTexMathName(name: string): string {
  return [...name].map((ch) => (/[A-Za-z0-9]/.test(ch) ? ch : ch === '_' ? '\\_' : `\\text{${escapeTex(ch)}}`)).join('');
}
