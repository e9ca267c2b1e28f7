/** The calculus layer: Fokker–Planck models, changes of variables, operator forms. */
export * from './model.ts';
export * from './scope.ts';
export * from './matrix.ts';
export * from './changeOfVariables.ts';
export * from './operator.ts';
export * from './solve.ts';
export * from './generator.ts';
export * from './moments.ts';
export * from './marginal.ts';
export * from './ansatz.ts';
export * from './densityTransform.ts';
export * from './integrals.ts';
export * from './noise.ts';
export * from './schemes.ts';
export * from './compile.ts';
export * from './splitting.ts';
export * from './weakOrder.ts';
