// Only comments: no executable lines.
// (kept to test a file with zero executable lines)
