# homes.awk: symbols whose pre-2.34 home library is not libc.so.6.
#   awk -f homes.awk OLD.rows NEW.rows          (rows: lib symbol version kind, from dynsyms.awk)
# OLD: a pre-2.34 glibc (bullseye's 2.31); NEW: the newest glibc. Prints "lib symbol version" for
# each symbol@version that OLD defines in a library merged into libc at 2.34 (libpthread, libdl,
# librt, libutil, libanl, libresolv), that OLD's libc.so.6 does not define, and that NEW's libc.so.6
# does define (so a link against the host binds it in libc.so.6, where a floor directory binds it in its home).
BEGIN {
  FS = OFS = "\t"
  home["libpthread.so.0"] = home["libdl.so.2"] = home["librt.so.1"] = 1
  home["libutil.so.1"] = home["libanl.so.1"] = home["libresolv.so.2"] = 1
}
/^#/ { next }
FILENAME == ARGV[1] {
  if ($1 == "libc.so.6") inlibc[$2 SUBSEP $3] = 1
  else if ($1 in home && $3 ~ /^GLIBC_2\./) cand[$1 SUBSEP $2 SUBSEP $3] = 1
  next
}
$1 == "libc.so.6" { innew[$2 SUBSEP $3] = 1 }
END {
  for (k in cand) {
    split(k, f, SUBSEP)
    if (!((f[2] SUBSEP f[3]) in inlibc) && ((f[2] SUBSEP f[3]) in innew)) print f[1], f[2], f[3]
  }
}
