# gen-pins.awk: the pins of one architecture, as sortable rows "lo hi symbol version".
#   awk -v arch=ARCH -v exclude=data/pin-exclude.txt -f gen-pins.awk data/symbols/ARCH.tsv
# A pin binds a symbol to version v for floors f with lo <= f < hi (hi "-" = no upper bound).
#
# Floors and versions are integers major*100+minor; a version's patch level is dropped, so
# GLIBC_2.2.5 -> 202 and GLIBC_2.3.2, GLIBC_2.3.4 -> 203. Floor 2.N thus stands for the newest
# 2.N.x release; versions with a patch level end at 2.3.4 (GLIBC_2.4 and later have none), so this
# changes nothing for floors >= 2.4, which covers every architecture's useful floors (>= 2.17).
# For each symbol (versions merged over all libraries that define it), with D its default version:
#   - only hidden (compat) versions older than D are pinned; compat versions newer than D (i386's
#     pread@GLIBC_2.2, left in libc.so.6 by the 2.34 libpthread merge) are not: D already works;
#   - compat version v_i gets [v_i, v_i+1), v_i+1 the next version up to and including D; versions
#     that map to the same integer leave an empty range for the older one, which is dropped;
#   - a symbol with no default (compat only) gets an open range for its newest version.
# Renames: a symbol S that exists only at its default version D while __S has only compat
# versions older than D (the resolver: old <resolv.h> turned res_query into __res_query, new glibc
# exports res_query@@GLIBC_2.34) gets rows "lo hi S v __S": FLOORCOMPAT__RENAME(S, __S, v).
# Extra rows on stdout: "#base VERSION" (oldest version of __libc_start_main); diagnostics on stderr.
BEGIN {
  FS = "\t"
  nx = 0
  while ((getline line < exclude) > 0) {
    if (line ~ /^#/ || line ~ /^[ \t]*$/) continue
    gsub(/[ \t]/, "", line); gsub(/\./, "\\.", line); gsub(/\*/, ".*", line)
    xre[++nx] = "^" line "$"
  }
  close(exclude)
}
function vint(v,    p) { split(substr(v, 7), p, "."); return p[1] * 100 + p[2] }
function vkey(v,    p) { split(substr(v, 7), p, "."); return sprintf("%03d%03d%03d", p[1], p[2], p[3]) }
/^#/ { next }
$3 !~ /^GLIBC_2\.[0-9]+(\.[0-9]+)?$/ { next }
{
  if (!(($2, $3) in seen)) { seen[$2, $3] = 1; nv[$2]++; ver[$2, nv[$2]] = $3 }
  if ($4 == "default") {
    if (($2 in def) && def[$2] != $3) {
      print "gen-pins: " arch ": " $2 " has two default versions: " def[$2] " and " $3 > "/dev/stderr"
      if (vkey($3) > vkey(def[$2])) def[$2] = $3
    } else def[$2] = $3
  }
  if ($2 == "__libc_start_main" && (base == "" || vkey($3) < vkey(base))) base = $3
}
END {
  print "#base " base
  for (s in nv) {
    for (i = 1; i <= nx; i++) if (s ~ xre[i]) break
    if (i <= nx) continue
    # versions of s, oldest first (a handful at most: insertion sort)
    n = nv[s]
    for (i = 1; i <= n; i++) v[i] = ver[s, i]
    for (i = 2; i <= n; i++) for (j = i; j > 1 && vkey(v[j]) < vkey(v[j - 1]); j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
    d = (s in def) ? def[s] : ""
    m = 0
    for (i = 1; i <= n; i++) if (d == "" || vkey(v[i]) < vkey(d)) c[++m] = v[i]
    for (i = 1; i <= m; i++) {
      lo = vint(c[i])
      hi = i < m ? vint(c[i + 1]) : (d != "" ? vint(d) : "-")
      if (hi != "-" && lo >= hi) continue
      print lo "\t" hi "\t" s "\t" c[i]
    }
    if (d != "" && vkey(v[n]) > vkey(d)) nnewer++
    # renames: s exists only at its default version D, while "__" s, what older headers called
    # instead (res_query -> __res_query, dn_expand -> __dn_expand), has only compat versions < D
    o = "__" s
    if (n == 1 && d != "" && (o in nv) && !(o in def)) {
      m = 0
      for (i = 1; i <= nv[o]; i++) if (vkey(ver[o, i]) < vkey(d)) c[++m] = ver[o, i]
      if (m != nv[o]) continue
      for (i = 2; i <= m; i++) for (j = i; j > 1 && vkey(c[j]) < vkey(c[j - 1]); j--) { t = c[j]; c[j] = c[j - 1]; c[j - 1] = t }
      for (i = 1; i <= m; i++) {
        lo = vint(c[i]); hi = i < m ? vint(c[i + 1]) : vint(d)
        if (lo < hi) print lo "\t" hi "\t" s "\t" c[i] "\t" o
      }
    }
  }
  if (nnewer) print "gen-pins: " arch ": " nnewer " symbols have compat versions newer than their default (not pinned)" > "/dev/stderr"
}
