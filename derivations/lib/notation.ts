/**
 * The paper's notation: how the names of the derivations are typeset (theta -> \theta^\varepsilon,
 * rho -> \rho_0^\varepsilon, ...). Every file of derivations/ opts into it by re-exporting it as
 * `notation`; a user's derivation file gets the plain notation unless it exports its own.
 */
import { extendNotation, plainNotation, type Notation } from '../../src/index.ts';

/** The paper's notation (Blaustein 2022) for the names the derivations use. */
export const paperNotation: Notation = extendNotation(plainNotation, {
  symbols: {
    theta: '\\theta^\\varepsilon',
    nu: '\\nu^\\varepsilon',
    nubar: '\\bar\\nu^\\varepsilon',
    mu: '\\mu^\\varepsilon',
    mubar: '\\bar\\mu^\\varepsilon',
    rho: '\\rho_0^\\varepsilon',
    rho0: '\\rho_0',
    eps: '\\varepsilon',
    PsiRho: { latex: '\\Psi *_r \\rho_0^\\varepsilon', compound: true },
    PsiRhoV: { latex: '\\Psi *_r (\\rho_0^\\varepsilon \\mathcal V^\\varepsilon)', compound: true },
    V: '\\mathcal V^\\varepsilon',
    W: '\\mathcal W^\\varepsilon',
    E: '\\mathcal E(\\mu^\\varepsilon)',
    b0: '\\mathbf b_0^\\varepsilon',
    beps: '\\mathbf b^\\varepsilon',
    b0v: '(\\mathbf b_0^\\varepsilon)_v',
    b0w: '(\\mathbf b_0^\\varepsilon)_w',
    theta2: '(\\theta^\\varepsilon)^2',
    mstar: 'm_*',
    u: '\\mathbf u',
  },
  functions: {
    nu: { latex: '\\nu^\\varepsilon', elideArgs: true },
    nubar: { latex: '\\bar\\nu^\\varepsilon', elideArgs: true },
    nubar0: { latex: '\\bar\\nu_0', elideArgs: true },
    nu0: { latex: '\\nu_0', elideArgs: true },
    mu: { latex: '\\mu^\\varepsilon', elideArgs: true },
    mubar: { latex: '\\bar\\mu', elideArgs: true },
    f: { latex: 'f', elideArgs: true },
    g: { latex: 'g^\\varepsilon', elideArgs: true },
    pi: { latex: '\\pi^\\varepsilon', elideArgs: true },
    N: 'N',
    A: 'A',
    B0: 'B_0^\\varepsilon',
    A0: 'A_0',
    M: '\\mathcal M_{\\rho}',
    Psi: '\\Psi',
    d_t: { latex: '\\partial_t', bracket: true },
    div_u: { latex: '\\operatorname{div}_{\\mathbf u}', bracket: 'always' },
    F_rho: { latex: '\\mathcal F_{\\rho_0^\\varepsilon}', bracket: 'always' },
  },
});
