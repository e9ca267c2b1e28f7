import { expect, it } from 'vitest';
import { fhnMatchers } from 'fhn-derive/vitest';
expect.extend(fhnMatchers);
it('mine', () => {
  expect('(a+b)^2').toBeEquivalentTo('a^2 + 2*a*b + b^2');
  expect('(a+b)^2').not.toBeEquivalentTo('a^2 + b^2');
});
