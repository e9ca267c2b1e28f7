/** The calculus layer: Fokker–Planck models, changes of variables, operator forms. */
export * from './model.ts';
export * from './scope.ts';
export * from './matrix.ts';
export * from './changeOfVariables.ts';
export * from './operator.ts';
export * from './solve.ts';
export * from './generator.ts';
