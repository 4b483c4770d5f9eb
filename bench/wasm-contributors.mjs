// What the app's WebAssembly is made of: the code bytes of each function, grouped by the crate
// its name comes from, and the data segments (string literals, tables) as one more item.
//
// The release wasm in dist/ carries no names, so the names come from wasm-bindgen's output in
// target/wasm-bindgen/release/ run again through `wasm-opt -Oz` with `-g` (the same passes as
// Trunk's, names kept): the bytes per function are those of the optimised build. Nothing new is
// installed: the wasm binary format is read here (sections, the code section's bodies, the
// `name` custom section).
import { readFileSync } from 'node:fs';

function reader(bytes) {
  let at = 0;
  const r = {
    get at() { return at; },
    set at(v) { at = v; },
    byte() { return bytes[at++]; },
    u32() {
      let result = 0, shift = 0, b;
      do { b = bytes[at++]; result += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
      return result;
    },
    name() {
      const len = r.u32();
      const s = new TextDecoder().decode(bytes.subarray(at, at + len));
      at += len;
      return s;
    },
  };
  return r;
}

/** Sections, function body sizes and function names of a wasm file. */
export function readWasm(path) {
  const bytes = readFileSync(path);
  if (bytes.readUInt32LE(0) !== 0x6d736100) throw new Error(`${path} is not WebAssembly`);
  const r = reader(bytes);
  r.at = 8;
  const sections = [];
  let importedFunctions = 0;
  const bodies = []; // code bytes per defined function, in order
  const names = new Map(); // function index → name
  while (r.at < bytes.length) {
    const id = r.byte();
    const size = r.u32();
    const start = r.at;
    let custom = null;
    if (id === 0) custom = r.name();
    sections.push({ id, custom, size });
    if (id === 2) {
      // Imports: only function imports take function indices before the defined functions.
      const count = r.u32();
      for (let i = 0; i < count; i++) {
        r.name();
        r.name();
        const kind = r.byte();
        if (kind === 0) { r.u32(); importedFunctions++; }
        else if (kind === 1) { r.byte(); const flags = r.u32(); r.u32(); if (flags & 1) r.u32(); }
        else if (kind === 2) { const flags = r.u32(); r.u32(); if (flags & 1) r.u32(); }
        else if (kind === 3) { r.byte(); r.byte(); }
        else if (kind === 4) { r.byte(); r.u32(); }
        else throw new Error(`unknown import kind ${kind}`);
      }
    } else if (id === 10) {
      const count = r.u32();
      for (let i = 0; i < count; i++) {
        const bodySize = r.u32();
        bodies.push(bodySize);
        r.at += bodySize;
      }
    } else if (custom === 'name') {
      while (r.at < start + size) {
        const sub = r.byte();
        const subSize = r.u32();
        const subEnd = r.at + subSize;
        if (sub === 1) {
          const count = r.u32();
          for (let i = 0; i < count; i++) {
            const index = r.u32();
            names.set(index, r.name());
          }
        }
        r.at = subEnd;
      }
    }
    r.at = start + size;
  }
  const functions = bodies.map((size, i) => ({
    name: names.get(importedFunctions + i) ?? `func[${importedFunctions + i}]`,
    size,
  }));
  return { total: bytes.length, sections, functions };
}

const PRIMITIVES = new Set(['bool', 'char', 'str', 'f32', 'f64', 'i8', 'i16', 'i32', 'i64', 'i128', 'isize', 'u8', 'u16', 'u32', 'u64', 'u128', 'usize']);

/** The crate a (demangled) function name belongs to: `<a::B as c::D>::f` → a, `x::y::z` → x;
 * for an impl on a primitive or a generic parameter (`<f64 as core::fmt::Display>`, `<T as
 * tachys::…>`), the trait's crate. Crate disambiguators (`core[c593…]`) are dropped. */
export function crateOf(name) {
  const n = name.replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]{16}\]/g, '');
  const path = (s) => /^([A-Za-z_][A-Za-z0-9_]*)::/.exec(s.replace(/^(<|dyn |&mut |&|\*const |\*mut |\[)+/, ''))?.[1];
  const own = path(n);
  if (own) return own;
  const impl = /^<([^ ]+) as ([^>]+)>/.exec(n);
  if (impl) {
    const trait = path(impl[2]);
    if (trait) return trait;
  }
  const head = /^<\[?&?(?:mut )?([A-Za-z0-9_]+)/.exec(n)?.[1];
  if (head && (PRIMITIVES.has(head) || /^[A-Z]$/.test(head))) return 'core';
  return name.startsWith('func[') ? '(unnamed)' : '(other)';
}

const SECTION_NAMES = { 1: 'type', 2: 'import', 3: 'function', 4: 'table', 5: 'memory', 6: 'global', 7: 'export', 8: 'start', 9: 'element', 10: 'code', 11: 'data', 12: 'datacount' };

/** The biggest contributors to a named, optimised wasm: crates by code bytes, and data. */
export function contributors(path, top = 5) {
  const wasm = readWasm(path);
  const byCrate = new Map();
  for (const f of wasm.functions) {
    const crate = crateOf(f.name);
    const entry = byCrate.get(crate) ?? { name: crate, bytes: 0, functions: 0 };
    entry.bytes += f.size;
    entry.functions += 1;
    byCrate.set(crate, entry);
  }
  const data = wasm.sections.filter((s) => s.id === 11).reduce((a, s) => a + s.size, 0);
  const code = wasm.sections.filter((s) => s.id === 10).reduce((a, s) => a + s.size, 0);
  const names = wasm.sections.filter((s) => s.id === 0).reduce((a, s) => a + s.size, 0);
  const items = [...byCrate.values(), { name: 'data segments (strings, tables, constants)', bytes: data, functions: 0 }]
    .sort((a, b) => b.bytes - a.bytes);
  const biggestFunctions = [...wasm.functions].sort((a, b) => b.size - a.size).slice(0, top)
    .map((f) => ({ name: f.name.replace(/::h[0-9a-f]{16}$/, ''), bytes: f.size }));
  return {
    total: wasm.total - names,
    code,
    data,
    sections: wasm.sections.filter((s) => s.id !== 0).map((s) => ({ name: SECTION_NAMES[s.id] ?? `#${s.id}`, bytes: s.size })),
    top: items.slice(0, top),
    all: items,
    biggestFunctions,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = contributors(process.argv[2], Number(process.argv[3] ?? 15));
  console.log(`without names: ${result.total} bytes; code ${result.code}, data ${result.data}`);
  for (const item of result.all.slice(0, Number(process.argv[3] ?? 15))) {
    console.log(`${String(item.bytes).padStart(8)}  ${item.name}${item.functions ? ` (${item.functions} functions)` : ''}`);
  }
  console.log('biggest functions:');
  for (const f of result.biggestFunctions) console.log(`${String(f.bytes).padStart(8)}  ${f.name}`);
}
