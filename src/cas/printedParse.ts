/**
 * A reader of the engine printer's texts (printExpr with safe names): integers, names, function
 * applications, + - * / ^ and parentheses. It builds the tree mathjs's parser builds for the same
 * text (same node types, operators, grouping and parentheses, constants as mathjs's BigNumbers),
 * about ten times faster: the witness reads every derived side from its printed form, and mathjs's
 * tokenizer was 8% of the paper's symbolic replay. Anything outside that grammar (a decimal point,
 * an exponent, implicit multiplication, a keyword of mathjs, any other character) is not guessed
 * at: the reader returns undefined and the caller asks mathjs. Tests hold it to mathjs's trees.
 */
import { exactMath } from './mathjs.ts';

/** The node shapes of mathjs's parse tree that the witness compiles (compile.ts). */
export type PrintedNode =
  | { readonly type: 'ConstantNode'; readonly value: { toNumber(): number; toString(): string } }
  | { readonly type: 'SymbolNode'; readonly name: string }
  | { readonly type: 'ParenthesisNode'; readonly content: PrintedNode }
  | { readonly type: 'OperatorNode'; readonly op: string; readonly fn: string; readonly args: readonly PrintedNode[] }
  | { readonly type: 'FunctionNode'; readonly fn: PrintedNode; readonly args: readonly PrintedNode[] };

/** Names mathjs's parser reads as operators, constants (Infinity and NaN are ConstantNodes) or keywords: never read here. */
const MATHJS_WORDS = new Set(['mod', 'to', 'in', 'and', 'or', 'xor', 'not', 'true', 'false', 'null', 'undefined', 'NaN', 'Infinity', 'end']);

const BINARY = { '+': 'add', '-': 'subtract', '*': 'multiply', '/': 'divide' } as const;

/** Not the printer's grammar: the caller asks mathjs. */
class Outside extends Error {}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isNameStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/** A reading position in a text (methods, not closures: one reader per text, nothing made per call). */
class Reader {
  i = 0;
  constructor(readonly text: string) {}

  /** The next character after spaces ('' at the end). */
  peek(): string {
    while (this.text.charCodeAt(this.i) === 32) this.i++;
    return this.text[this.i] ?? '';
  }

  /** Step over the character ch, which must come next (else the text is outside the grammar). */
  expect(ch: string): void {
    if (this.peek() !== ch) throw new Outside();
    this.i++;
  }

  /** A left-associative chain of operands joined by the two operators of one precedence level. */
  chain(ops: '+-' | '*/', operand: (r: Reader) => PrintedNode): PrintedNode {
    let node = operand(this);
    for (let op = this.peek(); op !== '' && ops.includes(op); op = this.peek()) {
      this.i++;
      node = { type: 'OperatorNode', op, fn: BINARY[op as keyof typeof BINARY], args: [node, operand(this)] };
    }
    return node;
  }

  sum(): PrintedNode {
    return this.chain('+-', product);
  }

  unary(): PrintedNode {
    const op = this.peek();
    if (op !== '-' && op !== '+') return this.power();
    this.i++;
    return { type: 'OperatorNode', op, fn: op === '-' ? 'unaryMinus' : 'unaryPlus', args: [this.unary()] };
  }

  power(): PrintedNode {
    const base = this.primary();
    if (this.peek() !== '^') return base;
    this.i++;
    return { type: 'OperatorNode', op: '^', fn: 'pow', args: [base, this.unary()] };
  }

  primary(): PrintedNode {
    this.peek();
    const { text } = this;
    const start = this.i;
    const c = text.charCodeAt(start);
    let node: PrintedNode;
    if (isDigit(c)) {
      while (isDigit(text.charCodeAt(this.i))) this.i++;
      node = { type: 'ConstantNode', value: exactMath.bignumber(text.slice(start, this.i)) };
    } else if (isNameStart(c)) {
      while (isNameStart(text.charCodeAt(this.i)) || isDigit(text.charCodeAt(this.i))) this.i++;
      const name = text.slice(start, this.i);
      if (MATHJS_WORDS.has(name)) throw new Outside();
      node = { type: 'SymbolNode', name };
      if (text[this.i] === '(') {
        this.i++;
        const args = [this.sum()];
        while (this.peek() === ',') {
          this.i++;
          args.push(this.sum());
        }
        this.expect(')');
        node = { type: 'FunctionNode', fn: node, args };
      }
    } else if (text[start] === '(') {
      this.i++;
      node = { type: 'ParenthesisNode', content: this.sum() };
      this.expect(')');
    } else throw new Outside();
    // what mathjs would read on (implicit multiplication, a call of a value, a decimal, units, ...) is not guessed
    const next = this.peek();
    if (next !== '' && !'+-*/^),'.includes(next)) throw new Outside();
    return node;
  }
}

/** A term of a sum: a chain of products and quotients. */
function product(r: Reader): PrintedNode {
  return r.chain('*/', unaryOf);
}
/** An operand of a product or quotient: a signed power. */
function unaryOf(r: Reader): PrintedNode {
  return r.unary();
}

/** mathjs's tree of a printed text, or undefined when the text is outside the printer's grammar. */
export function readPrinted(text: string): PrintedNode | undefined {
  const r = new Reader(text);
  try {
    const tree = r.sum();
    return r.peek() === '' ? tree : undefined;
  } catch (err) {
    if (err instanceof Outside || err instanceof RangeError) return undefined;
    throw err;
  }
}
