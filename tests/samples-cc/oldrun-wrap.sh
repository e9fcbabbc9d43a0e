#!/bin/sh
# oldrun-wrap.sh: a test-harness wrapper (meson test --wrapper, CTest's emulator, EXE_PREFIX ...)
# that runs the tests' ELF programs on an old glibc through floorcompat-run. A wrapped command
# whose first word is an ELF file runs under floorcompat-run; when it is a script, every ELF file
# among its arguments is replaced by a small shim that runs it so, so that programs the script
# starts (inih's runtest.sh BASELINE PROGRAM) run on the old glibc too.
#   FC_RUN=COMMAND        the floorcompat-run command with its options (tests/lib.sh's $FC_RUN)
#   OLDRUN_WRAP_LOG=FILE  append one line per program started on the old glibc (for the tests)
set -u
[ -n "${FC_RUN:-}" ] || { echo "oldrun-wrap.sh: FC_RUN (the floorcompat-run command) is not set" >&2; exit 2; }
is_elf() { [ -f "$1" ] && [ "$(head -c 4 "$1" 2>/dev/null | od -An -c | tr -d ' ')" = '177ELF' ]; }
logrun() { [ -n "${OLDRUN_WRAP_LOG:-}" ] && echo "$1" >> "$OLDRUN_WRAP_LOG"; return 0; }
[ $# -ge 1 ] || { echo "usage: oldrun-wrap.sh PROGRAM [ARGS...]" >&2; exit 2; }
if is_elf "$1"; then
  logrun "$1"
  exec $FC_RUN -- "$@"
fi
shims=$(mktemp -d "${TMPDIR:-/tmp}/oldrun-wrap.XXXXXX") || exit 2
trap 'rm -rf "$shims"' EXIT
prog=$1; shift
n=$#
while [ $n -gt 0 ]; do
  a=$1; shift; n=$((n - 1))
  if is_elf "$a"; then
    s=$shims/$n-$(basename "$a")
    printf '#!/bin/sh\n%s\nexec %s -- "%s" "$@"\n' \
      "${OLDRUN_WRAP_LOG:+echo \"$a\" >> \"$OLDRUN_WRAP_LOG\"}" "$FC_RUN" "$a" > "$s"
    chmod +x "$s"
    a=$s
  fi
  set -- "$@" "$a"
done
"$prog" "$@"
