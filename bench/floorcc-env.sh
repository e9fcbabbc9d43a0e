# floorcc-env.sh: point floorcc/floorc++ of the build tree at the build tree's header, tables and
# floor libraries, as an install would. Sourced by the benchmarks with top_srcdir and top_builddir set.
export FLOORCC_INCLUDEDIR="$top_srcdir/include" FLOORCC_FLOORS="$top_srcdir/data/floors.tsv" \
  FLOORCC_IMPL="$top_srcdir/examples/floorcompat-impl.c" FLOORCC_STUBDIR="$top_builddir/stubs" \
  FLOORCC_AUDIT_PROG="$top_builddir/floorcompat-audit"
unset FLOORCC_FLOOR FLOORCC_CC FLOORCC_AUDIT FLOORCC_AUTO_LIBS FLOORCC_KERNEL_FLOOR
