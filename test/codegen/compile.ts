/** Test helper: compile generated TypeScript in memory and import it. */
import ts from 'typescript';

/** Transpile TS source to JS and import it as a module. */
export async function importGenerated(source: string): Promise<Record<string, (...args: never[]) => unknown>> {
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  return import(`data:text/javascript;base64,${Buffer.from(js).toString('base64')}`);
}
