# dynsyms.awk: turn `readelf --dyn-syms -W LIB` into rows "lib symbol version kind [size]" of every
# DEFINED dynamic symbol. kind is "default" for sym@@VER (or an unversioned symbol, version "-")
# and "compat" for a hidden sym@VER (what objdump -T prints in parentheses). Data objects (OBJECT,
# TLS) have a fifth column, their size in bytes as readelf prints it (decimal, or 0x... when large):
# the link-time stubs must give a copy-relocated object its real size.
# Usage: readelf --dyn-syms -W FILE | awk -v lib=SONAME -f dynsyms.awk
$1 ~ /^[0-9]+:$/ && NF >= 8 {
  name = $NF; ndx = $(NF - 1)
  if (name ~ /^\([0-9]+\)$/ || ndx == "UND") next      # undefined: "sym@VER (n)"
  if ($5 == "LOCAL") next
  ver = "-"; kind = "default"
  if ((p = index(name, "@@")) > 0) { ver = substr(name, p + 2); name = substr(name, 1, p - 1) }
  else if ((p = index(name, "@")) > 0) { ver = substr(name, p + 1); name = substr(name, 1, p - 1); kind = "compat" }
  if (ndx == "ABS" && (name == ver || ver == "-")) next  # a version-definition symbol
  size = ($4 == "OBJECT" || $4 == "TLS") ? "\t" $3 : ""
  print lib "\t" name "\t" ver "\t" kind size
}
