# floorcc-env.sh: point floorcc/floorc++ of the build tree at the build tree's header, tables and
# floor directories, as an install would. Sourced by the benchmarks with top_srcdir and top_builddir set.
export FLOORCC_INCLUDEDIR="$top_srcdir/include" FLOORCC_FLOORS="$top_srcdir/data/floors.tsv" \
  FLOORCC_FLOORSDIR="$top_builddir/floors" FLOORCC_TOOLS="$top_srcdir/tools" \
  FLOORCC_AUDIT_PROG="$top_builddir/floorcompat-audit"
unset FLOORCC_FLOOR FLOORCC_CC FLOORCC_AUDIT FLOORCC_AUTO_LIBS FLOORCC_KERNEL_FLOOR
