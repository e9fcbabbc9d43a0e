# homes-derive.awk: homes for an architecture that has no pre-2.34 glibc to compare with.
#   awk -f homes-derive.awk REFHOMES.tsv... NEW.rows
# A symbol counts if another architecture's homes file (REFHOMES, "lib symbol version") lists it;
# its versions are those below GLIBC_2.34 that this architecture's newest libc.so.6 (NEW) defines
# as compat (hidden) versions: moving a symbol into libc at 2.34 left its old versions hidden there,
# while symbols that libc.so.6 already had before 2.34 keep theirs as the default version.
# Checked on amd64, arm64, i386 and armhf against the real comparison (see tools/fetch-symbols.sh).
BEGIN { FS = OFS = "\t" }
/^#/ { next }
FILENAME != ARGV[ARGC - 1] { lib[$2] = $1; next }
$1 == "libc.so.6" && ($2 in lib) && $3 ~ /^GLIBC_2\./ && $4 == "compat" {
  split(substr($3, 7), v, "."); if (v[1] * 1000 + v[2] < 2034) print lib[$2], $2, $3
}
