export function classify(n) {
  if (n < 0) return 'negative';
  if (n === 0) return 'zero';
  return n > 100 ? 'large' : 'positive';
}

export function unused(a, b) {
  const sum = a + b;
  return sum * 2;
}
