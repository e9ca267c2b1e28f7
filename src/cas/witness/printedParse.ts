/**
 * A reader of the engine printer's texts (printExpr with safe names): integers, names, function
 * applications, + - * / ^ and parentheses. It builds the tree mathjs's parser builds for the same
 * text (same node types, operators, grouping and parentheses, constants as mathjs's BigNumbers),
 * about ten times faster: the witness reads every derived side from its printed form, and mathjs's
 * tokenizer was 8% of the paper's symbolic replay. Anything outside that grammar (a decimal point,
 * an exponent, implicit multiplication, a keyword of mathjs, any other character) is not guessed
 * at: the reader returns undefined and the caller asks mathjs. Tests hold it to mathjs's trees.
 */
import { exactMath } from '../mathjs.ts';

/** The node shapes of mathjs's parse tree that the witness compiles (compile.ts). */
export type PrintedNode =
  | { readonly type: 'ConstantNode'; readonly value: { toNumber(): number; toString(): string } }
  | { readonly type: 'SymbolNode'; readonly name: string }
  | { readonly type: 'ParenthesisNode'; readonly content: PrintedNode }
  | { readonly type: 'OperatorNode'; readonly op: string; readonly fn: string; readonly args: readonly PrintedNode[] }
  | { readonly type: 'FunctionNode'; readonly fn: PrintedNode; readonly args: readonly PrintedNode[] };

/** Names mathjs's parser reads as operators, constants or keywords: never read here. */
const MATHJS_WORDS = new Set(['mod', 'to', 'in', 'and', 'or', 'xor', 'not', 'true', 'false', 'null', 'undefined', 'end']);

const BINARY = { '+': 'add', '-': 'subtract', '*': 'multiply', '/': 'divide' } as const;

/** Not the printer's grammar: the caller asks mathjs. */
class Outside extends Error {}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isNameStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/** mathjs's tree of a printed text, or undefined when the text is outside the printer's grammar. */
export function readPrinted(text: string): PrintedNode | undefined {
  let i = 0;
  const skip = () => {
    while (text.charCodeAt(i) === 32) i++;
  };
  const peek = (): string => {
    skip();
    return text[i] ?? '';
  };
  const expect = (ch: string) => {
    if (peek() !== ch) throw new Outside();
    i++;
  };
  /** A left-associative chain of operands joined by the two operators of one precedence level. */
  const chain = (ops: '+-' | '*/', operand: () => PrintedNode): PrintedNode => {
    let node = operand();
    for (let op = peek(); op !== '' && ops.includes(op); op = peek()) {
      i++;
      node = { type: 'OperatorNode', op, fn: BINARY[op as keyof typeof BINARY], args: [node, operand()] };
    }
    return node;
  };
  const sum = (): PrintedNode => chain('+-', product);
  const product = (): PrintedNode => chain('*/', unary);
  const unary = (): PrintedNode => {
    const op = peek();
    if (op !== '-' && op !== '+') return power();
    i++;
    return { type: 'OperatorNode', op, fn: op === '-' ? 'unaryMinus' : 'unaryPlus', args: [unary()] };
  };
  const power = (): PrintedNode => {
    const base = primary();
    if (peek() !== '^') return base;
    i++;
    return { type: 'OperatorNode', op: '^', fn: 'pow', args: [base, unary()] };
  };
  const primary = (): PrintedNode => {
    skip();
    const start = i;
    const c = text.charCodeAt(i);
    let node: PrintedNode;
    if (isDigit(c)) {
      while (isDigit(text.charCodeAt(i))) i++;
      node = { type: 'ConstantNode', value: exactMath.bignumber(text.slice(start, i)) };
    } else if (isNameStart(c)) {
      while (isNameStart(text.charCodeAt(i)) || isDigit(text.charCodeAt(i))) i++;
      const name = text.slice(start, i);
      if (MATHJS_WORDS.has(name)) throw new Outside();
      node = { type: 'SymbolNode', name };
      if (text[i] === '(') {
        i++;
        const args = [sum()];
        while (peek() === ',') {
          i++;
          args.push(sum());
        }
        expect(')');
        node = { type: 'FunctionNode', fn: node, args };
      }
    } else if (text[i] === '(') {
      i++;
      node = { type: 'ParenthesisNode', content: sum() };
      expect(')');
    } else throw new Outside();
    // what mathjs would read on (implicit multiplication, a call of a value, a decimal, units, ...) is not guessed
    const next = peek();
    if (next !== '' && !'+-*/^),'.includes(next)) throw new Outside();
    return node;
  };
  try {
    const tree = sum();
    return peek() === '' ? tree : undefined;
  } catch (err) {
    if (err instanceof Outside || err instanceof RangeError) return undefined;
    throw err;
  }
}
