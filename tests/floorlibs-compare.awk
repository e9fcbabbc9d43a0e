# floorlibs-compare.awk: a floor directory's exports against the real glibc of that version.
#   awk -f floorlibs-compare.awk data/symbols/ARCH.tsv REAL.rows FLOOR.rows
# rows: "lib symbol version kind" (tools/dynsyms.awk). Compares default (sym@@VER) GLIBC_2.x symbols
# per library and prints one line per difference that the symbol table does not explain:
#   "missing LIB SYM VER" (the real one has it, the floor not), "extra LIB SYM VER" (the reverse).
# Explained, and counted on the last line ("explained dup=N nodata=N nolink=N"):
#   dup: the real library and the real libc.so.6 both export it (glibc < 2.34 kept forwarders in
#        libc), and the floor's libc.so.6 does: a reference binds either way;
#   nodata: the symbol table has no row SYM@VER at all (newer glibc removed it outright);
#   nolink: the symbol table has SYM only without a default version (no link target on a new glibc;
#           the floor libraries follow it, mkfloor.awk).
BEGIN { FS = OFS = "\t" }
/^#/ { next }
FILENAME == ARGV[1] { row[$2, $3] = 1; if ($4 == "default") linkable[$2] = 1; next }
$3 !~ /^GLIBC_2\./ || $4 != "default" { next }
FILENAME == ARGV[2] { real[$1, $2, $3] = 1; rl[++nr] = $1 SUBSEP $2 SUBSEP $3; next }
{ flr[$1, $2, $3] = 1; fl[++nf] = $1 SUBSEP $2 SUBSEP $3 }
END {
  for (i = 1; i <= nr; i++) {
    if (rl[i] in flr) continue
    split(rl[i], k, SUBSEP)
    if (k[1] != "libc.so.6" && (("libc.so.6", k[2], k[3]) in real) && (("libc.so.6", k[2], k[3]) in flr)) dup++
    else if (!((k[2], k[3]) in row)) nodata++
    else if (!(k[2] in linkable)) nolink++
    else print "missing", k[1], k[2], k[3]
  }
  for (i = 1; i <= nf; i++) if (!(fl[i] in real)) { split(fl[i], k, SUBSEP); print "extra", k[1], k[2], k[3] }
  print "explained dup=" dup + 0 " nodata=" nodata + 0 " nolink=" nolink + 0
}
