// A module whose path has a space and non-ASCII characters.
export function greet(name, loud = false) {
  const text = `Grüße, ${name}`;
  if (loud) {
    return text.toUpperCase();
  }
  return text;
}
