# mkfloor.awk: the assembly source and version script of each link-time floor library of one floor.
#   awk -v dir=TMPDIR -v arch=DEBARCH -v floor=2.17 -f mkfloor.awk \
#       data/floor-rules.tsv data/homes/ARCH.tsv data/symbols/ARCH.tsv
# Writes DIR/<soname>.s (assembly: no compiler pass, a fifth of C's build time) and DIR/<soname>.map
# for every library of the symbols table, and DIR/libs: one row "soname role" per library for
# mkfloor.sh (role: libc, loader, lib, or home: a pre-2.34 home library of libc's symbols at this
# floor). doc/floor-libs.md describes the result.
#
# A symbol@version of the symbols table is offered when the version is at or below the floor (and not
# GLIBC_PRIVATE); below the "homes" floor of the rules table, a libc.so.6 row that the homes table lists
# goes to its pre-2.34 library instead ("moved" rules likewise). Per library and symbol, the newest
# offered version is the default (sym@@VER), the older ones non-default (sym@VER), unless a
# "nodefault" rule applies, or the symbols table has no default version of the symbol at all: what
# the newest glibc keeps only for old binaries (sys_errlist, __malloc_hook, the Sun RPC, matherr)
# is no link target at any floor, as it is none on the build host, whose headers no longer declare it
# (the table does not say when each became so; some were still link targets at 2.17). Rows
# with a size are data objects (STT_OBJECT of that size, so that copy relocations take the right
# size), the others functions (STT_FUNC); see label() below. Version nodes: every version of the
# library's rows at or below the floor (glibc's *_version_placeholder rows keep a node's name without
# a symbol), chained oldest to newest as glibc's are; "node" rules add nodes without symbols;
# "alias" rules make several names one data object.
BEGIN {
  FS = "\t"
  if (floor !~ /^[0-9]+\.[0-9]+$/) fail("floor must be a glibc version like 2.17, not '" floor "'")
  fkey = vkey("GLIBC_" floor)
}
function fail(msg) { print "mkfloor: " msg > "/dev/stderr"; failed = 1; exit 1 }
# vkey: a sortable key of a version name; non-GLIBC versions (i386's GCC_3.0) sort first.
function vkey(v,    p) {
  if (v !~ /^GLIBC_[0-9]/) return "000000000"
  split(substr(v, 7), p, "."); return sprintf("%03d%03d%03d", p[1], p[2], p[3])
}
# in_range: does the floor fall in [from, below) of a rules row ("-" = open)?
function in_range(from, below) {
  return (from == "-" || fkey >= vkey("GLIBC_" from)) && (below == "-" || fkey < vkey("GLIBC_" below))
}
# num: readelf prints large sizes in hex.
function num(s,    i, n, c) {
  if (s !~ /^0x/) return s + 0
  n = 0; s = tolower(substr(s, 3))
  for (i = 1; i <= length(s); i++) { c = index("0123456789abcdef", substr(s, i, 1)) - 1; n = n * 16 + c }
  return n
}
/^#/ || /^[ \t]*$/ { next }
FILENAME == ARGV[1] {
  if (NF < 6) fail(FILENAME ": line " FNR ": expected 6 tab-separated fields")
  if ($1 == "homes") homes_on = in_range($4, $5)
  else if ($1 == "moved") { if (in_range($4, $5)) { moved[$2] = $3; moved_below[$2] = vkey("GLIBC_" $5) } }
  else if ($1 == "nodefault") { if (in_range($4, $5)) nodefault[$3, $2] = 1 }
  else if ($1 == "linkable") { if (in_range($4, $5)) linkrule[$2] = 1 }
  else if ($1 == "alias") { if (in_range($4, $5)) { nalias++; alias_lib[nalias] = $3; alias_names[nalias] = $2 } }
  else if ($1 == "node") { if (in_range($4, $5)) { nnode++; node_lib[nnode] = $3; node_name[nnode] = $2; node_after[nnode] = $4 } }
  else fail(FILENAME ": line " FNR ": unknown rule '" $1 "'")
  next
}
FILENAME == ARGV[2] {
  if (NF < 3) fail(FILENAME ": line " FNR ": expected lib, symbol, version")
  home[$2, $3] = $1; homelib[$1] = 1
  next
}
{
  if (NF < 4) fail(FILENAME ": line " FNR ": expected lib, symbol, version, kind [size]")
  lib = $1; sym = $2; ver = $3
  # glibc's own link targets: a symbol without a default version is not one (data/symbols' kind),
  # unless floor-rules.tsv says it was one at the floor.
  if ($4 == "default" || (sym in linkrule)) linkable[lib, sym] = 1
  if (ver == "GLIBC_PRIVATE" || ver == "-" || vkey(ver) > fkey) next
  if (lib == "libc.so.6" && homes_on && ((sym, ver) in home)) lib = home[sym, ver]
  else if (lib == "libc.so.6" && (sym in moved) && $4 == "compat" && vkey(ver) < moved_below[sym]) lib = moved[sym]
  from[lib, sym] = $1
  addlib(lib)
  if (lib == "libc.so.6") have_libc = 1
  if (!((lib, ver) in isnode)) { isnode[lib, ver] = 1; nodes[lib] = nodes[lib] SUBSEP ver }
  if (sym ~ /_version_placeholder$/) next
  if ((lib, sym, ver) in size) next
  size[lib, sym, ver] = NF >= 5 ? $5 : ""
  if (!((lib, sym) in vers)) { nsym[lib]++; syms[lib, nsym[lib]] = sym; vers[lib, sym] = "" }
  vers[lib, sym] = vers[lib, sym] SUBSEP ver
}
function addlib(l) {
  if (l in libidx) return
  libidx[l] = ++nl; libname[nl] = l
}
END {
  if (failed) exit 1
  if (!have_libc) fail("no libc.so.6 symbol of " arch " is at or below " floor " (is the floor older than the architecture?)")
  # Rows of the homes table make their library exist even where no version node of its own does.
  for (l in homelib) if (homes_on) addlib(l)
  for (i = 1; i <= nnode; i++) {
    l = node_lib[i]; addlib(l)
    extra[l] = extra[l] SUBSEP node_name[i]; extrakey[node_name[i]] = vkey("GLIBC_" node_after[i]) "z"
  }
  for (i = 1; i <= nl; i++) emit(libname[i])
  close(dir "/libs")
}
# defaultver: the version of lib's symbol s that is its default, or "".
function defaultver(lib, s,    v, nv, k, best) {
  if (((lib, s) in nodefault) || !((from[lib, s], s) in linkable)) return ""
  nv = split(substr(vers[lib, s], 2), v, SUBSEP)
  for (k = 1; k <= nv; k++) if (best == "" || vkey(v[k]) > vkey(best)) best = v[k]
  return best
}
# label: one symbol of the assembly source, its labels the C-less names fc_N, each given its glibc
# name and version by .symver (", remove" drops fc_N itself): a function of one byte, or a data
# object of readelf's size, aligned as a C object of that size would be (at most 16). Alias groups
# put several labels on one object: the first strong, the others weak, as glibc's weak_alias.
function label(f, n, weak, type, sz, name, ver, best) {
  printf "\t.%s fc_%d\n\t.type fc_%d, %s\n\t.size fc_%d, %d\n", weak ? "weak" : "globl", n, n, type, n, sz > f
  printf "\t.symver fc_%d, %s%s%s, remove\nfc_%d:\n", n, name, ver == best ? "@@" : "@", ver, n > f
}
function object_start(f, sz,    al) {
  for (al = 1; al * 2 <= sz && al < 16; al *= 2) ;
  printf "\t.data\n\t.balign %d\n", al > f
}
function emit(lib,    f, m, i, j, k, n, v, nv, s, best, key, sz, role, chain, g, ng, big, done) {
  f = dir "/" lib ".s"; m = dir "/" lib ".map"
  printf "/* generated by tools/mkfloor.sh: link-time %s of glibc %s (%s); never loaded */\n", lib, floor, arch > f
  print "\t.section .note.GNU-stack,\"\",%progbits" > f
  for (i = 1; i <= nalias; i++) {
    if (alias_lib[i] != lib) continue
    ng = split(alias_names[i], g, " "); big = -1
    for (j = 1; j <= ng; j++) {
      done[g[j]] = 1
      if (!((lib, g[j]) in vers)) continue
      nv = split(substr(vers[lib, g[j]], 2), v, SUBSEP)
      for (k = 1; k <= nv; k++) if (num(size[lib, g[j], v[k]]) > big) big = num(size[lib, g[j], v[k]])
    }
    if (big < 0) continue
    object_start(f, big)
    for (j = 1; j <= ng; j++) {
      if (!((lib, g[j]) in vers)) continue
      best = defaultver(lib, g[j])
      nv = split(substr(vers[lib, g[j]], 2), v, SUBSEP)
      for (k = 1; k <= nv; k++) label(f, ++n, j > 1, "STT_OBJECT", big, g[j], v[k], best)
    }
    printf "\t.zero %d\n", big > f
  }
  for (j = 1; j <= nsym[lib]; j++) {
    s = syms[lib, j]
    if (s in done) continue
    best = defaultver(lib, s)
    nv = split(substr(vers[lib, s], 2), v, SUBSEP)
    for (k = 1; k <= nv; k++) {
      sz = size[lib, s, v[k]]
      if (sz == "") { print "\t.text" > f; label(f, ++n, 0, "STT_FUNC", 1, s, v[k], best); print "\t.byte 0" > f }
      else { sz = num(sz); object_start(f, sz); label(f, ++n, 0, "STT_OBJECT", sz, s, v[k], best); printf "\t.zero %d\n", sz > f }
    }
  }
  close(f)
  # Version script: nodes oldest first, each GLIBC_ node naming the previous one as its parent.
  nv = split(substr(nodes[lib] extra[lib], 2), v, SUBSEP)
  for (j = 1; j <= nv; j++) key[v[j]] = v[j] in extrakey ? extrakey[v[j]] : vkey(v[j])
  for (j = 2; j <= nv; j++) for (k = j; k > 1 && key[v[k - 1]] > key[v[k]]; k--) { s = v[k]; v[k] = v[k - 1]; v[k - 1] = s }
  chain = ""
  for (j = 1; j <= nv; j++) {
    if (v[j] ~ /^GLIBC_/) { printf "%s { }%s;\n", v[j], chain == "" ? "" : " " chain > m; chain = v[j] }
    else printf "%s { };\n", v[j] > m
  }
  if (nv == 0) print "{ local: *; };" > m  # no node at this floor: an unversioned, empty library
  close(m)
  role = lib == "libc.so.6" ? "libc" : lib ~ /^ld/ ? "loader" : (homes_on && (lib in homelib)) ? "home" : "lib"
  print lib, role > (dir "/libs")
}
