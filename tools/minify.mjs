// The release builds' JS through terser, one set of options for every page's files: the
// module's exports keep their names (the start-up scripts and the parts' loader import them).
const TERSER = { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } };

/** `code` minified; throws when terser gives nothing. */
export async function minified(code) {
  const { minify } = await import('terser');
  const { code: out } = await minify(code, TERSER);
  if (!out) throw new Error('terser gave nothing');
  return out;
}
