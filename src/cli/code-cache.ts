import { readFileSync, statSync, writeFileSync } from 'node:fs';
import type Module from 'node:module';
import { basename, dirname, join, sep } from 'node:path';
import vm from 'node:vm';

/**
 * A V8 code cache for the bundled CLI's own files (issue 11, "The CLI starts
 * fast"): a one-shot command spends a good part of its start compiling the
 * chunks it loads. Node 22 caches compiled code by itself
 * (module.enableCompileCache); Node 20, which Shakeout supports, does not, and
 * v8-compile-cache (the library for it) saves only what V8 compiles before a
 * file runs, not the functions compiled while it runs, which is most of the
 * work (measured: it gained about a third of what this does; bench/README.md).
 *
 * How: CommonJS files in `dir` are compiled through vm.Script with the cached
 * data of `<cacheDir>/<file name>.cache` when there is one. The caches are
 * written by the build (`npm run build` runs `shakeout parse` and `shakeout
 * run` once with SHAKEOUT_CODE_CACHE=write, which saves, at exit, the code of
 * every function those commands compiled, each command adding to what the
 * ones before it saved: scripts/build-cli.mjs). At run time
 * the caches are only read, never written.
 *
 * When a cache is not used: V8 rejects data made by another V8 version, with
 * other V8 flags or for a source of another length. It does NOT notice a
 * source changed to the same length (it would run the old code: tried), so
 * each cache also records the size and modification time of the file it was
 * made from, and is not offered for a file that changed since (a content
 * hash would be surer, but hashing costs about what the cache saves: zlib
 * alone takes ~10 ms to load). A copy of the bundle that does not keep file
 * times gets no cache until `npm run build` makes it again. A cache that is
 * not used costs a normal compile, never a wrong result.
 */
export interface CodeCacheOptions {
  /** The folder whose .js files are compiled with a cache (the bundle's). */
  readonly dir: string;
  /**
   * Node's CommonJS Module class, as `module.constructor` of the calling
   * CommonJS file: taken from there rather than by importing node:module,
   * which loads the ES module loader with it (a few ms of a 200 ms start).
   */
  readonly Module: typeof Module;
  /** Where the caches are (default: `<dir>/code-cache`). */
  readonly cacheDir?: string;
  /** Write the caches at exit (the build's warm-up), instead of reading them. */
  readonly write?: boolean;
}

/** What the cache did in this process, for tests and `SHAKEOUT_CODE_CACHE=report`. */
export interface CodeCacheStats {
  readonly used: string[];
  readonly rejected: string[];
  readonly missing: string[];
}

const HEADER = 64;

type CompileFn = (this: Module, content: string, filename: string) => unknown;
interface ModuleInternals {
  _compile: CompileFn;
}

let stats: { used: string[]; rejected: string[]; missing: string[] } | null = null;

/** Files compiled with, without and despite a cache so far (null when no cache is installed). */
export function codeCacheStats(): CodeCacheStats | null {
  return stats;
}

/** A cache file: a JSON header (the source file's size and mtime) padded to HEADER bytes, then V8's data. */
function readCache(file: string, source: string): Buffer | null {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch {
    return null;
  }
  if (buf.length <= HEADER) return null;
  try {
    const head = JSON.parse(buf.subarray(0, HEADER).toString('latin1').trimEnd()) as { size?: unknown; mtimeMs?: unknown };
    const st = statSync(source);
    // Within a millisecond: a copy that keeps times (cp -p) may round them to one.
    if (head.size !== st.size || typeof head.mtimeMs !== 'number' || !(Math.abs(head.mtimeMs - st.mtimeMs) < 1)) return null;
  } catch {
    return null;
  }
  return buf.subarray(HEADER);
}

function writeCache(file: string, source: string, data: Buffer): void {
  const st = statSync(source);
  const head = Buffer.alloc(HEADER, ' ');
  const json = JSON.stringify({ size: st.size, mtimeMs: st.mtimeMs });
  if (json.length > HEADER) throw new Error(`code cache header too long for ${source}`);
  head.write(json, 0, 'latin1');
  writeFileSync(file, Buffer.concat([head, data]));
}

/**
 * Compiles the CommonJS files of `options.dir` with the code cache from then
 * on (call it before requiring them). Other files load as usual. Node 22 and
 * later: nothing to do here (use module.enableCompileCache there).
 */
export function installCodeCache(options: CodeCacheOptions): void {
  if (stats) return;
  const Module = options.Module;
  const prefix = options.dir.endsWith(sep) ? options.dir : options.dir + sep;
  const cacheDir = options.cacheDir ?? join(options.dir, 'code-cache');
  const proto = (Module as unknown as { prototype: ModuleInternals }).prototype;
  const original = proto._compile;
  const compiled: { script: vm.Script; cache: string; source: string }[] = [];
  const s: { used: string[]; rejected: string[]; missing: string[] } = { used: [], rejected: [], missing: [] };
  stats = s;
  proto._compile = function compileWithCache(this: Module, content: string, filename: string) {
    // A file with an import() (the one that loads echarts) is compiled as Node
    // does: on Node 20, code restored from a cache loses vm.Script's import()
    // callback (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING; found by the report test).
    if (!filename.startsWith(prefix) || !filename.endsWith('.js') || content.includes('import(')) return original.call(this, content, filename);
    const cache = join(cacheDir, basename(filename) + '.cache');
    // The build's warm-up reads too: a command run after another adds the
    // functions it compiles to those the earlier one saved.
    const cachedData = readCache(cache, filename);
    const script = new vm.Script(Module.wrap(content), {
      filename,
      ...(cachedData ? { cachedData } : {}),

    });
    if (options.write) compiled.push({ script, cache, source: filename });
    if (!cachedData) s.missing.push(basename(filename));
    else if (script.cachedDataRejected) s.rejected.push(basename(filename));
    else s.used.push(basename(filename));
    const wrapper = script.runInThisContext({ displayErrors: true }) as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => unknown;
    const mod = this as Module & { require: (id: string) => unknown };
    const require = ((id: string) => mod.require(id)) as NodeJS.Require;
    require.resolve = ((request: string) => (Module as unknown as { _resolveFilename: (r: string, m: Module) => string })._resolveFilename(request, this)) as NodeJS.RequireResolve;
    require.cache = (Module as unknown as { _cache: NodeJS.Require['cache'] })._cache;
    require.main = process.mainModule;
    return wrapper.call(this.exports, this.exports, require, this, filename, dirname(filename));
  };
  if (options.write) {
    process.on('exit', () => {
      for (const c of compiled) writeCache(c.cache, c.source, c.script.createCachedData());
    });
  }
}
