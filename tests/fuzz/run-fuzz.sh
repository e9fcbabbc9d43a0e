#!/bin/sh
# run-fuzz.sh FUZZER ELFMANGLE SEED_ELF SECONDS DIR [KEPT]: seed a corpus with small ELF files (all
# classes and byte orders, with and without section headers, plus one real program) and the kept
# corpus KEPT (tests/fuzz/corpus: read, never written), run the libFuzzer harness for SECONDS, and
# print executions, crashes and coverage. A crash's input is left in DIR/artifacts: once fixed, add
# it to tests/fuzz/corpus, so that every later run replays it.
set -u
fuzzer=$1 mangle=$2 seed_elf=$3 seconds=$4 dir=$5 kept=${6:-}
mkdir -p "$dir/corpus" "$dir/seeds" "$dir/artifacts"
for c in 32 64; do
  for e in le be; do
    "$mangle" synth $c $e "$dir/seeds/synth-$c$e"
    "$mangle" synth $c $e "$dir/seeds/synth-$c$e-relr" relr
    "$mangle" set "$dir/seeds/synth-$c$e" "$dir/seeds/synth-$c$e-nosh" e_shoff=0 e_shnum=0 e_shstrndx=0
  done
done
cp "$seed_elf" "$dir/seeds/real-program"
"$mangle" set "$seed_elf" "$dir/seeds/real-program-nosh" e_shoff=0 e_shnum=0 e_shstrndx=0
rm -f "$dir"/artifacts/crash-* "$dir"/artifacts/leak-* "$dir"/artifacts/timeout-* "$dir"/artifacts/oom-*
"$fuzzer" -max_total_time="$seconds" -print_final_stats=1 -max_len=65536 -rss_limit_mb=1024 \
  -artifact_prefix="$dir/artifacts/" "$dir/corpus" "$dir/seeds" ${kept:+"$kept"} > "$dir/fuzz.log" 2>&1
rc=$?
execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/fuzz.log" | tail -n 1)
cov=$(grep -E '^#[0-9]+' "$dir/fuzz.log" | tail -n 1 | sed -n 's/.*\(cov: [0-9]* ft: [0-9]*\).*/\1/p')
crashes=$(ls "$dir/artifacts" | wc -l)
echo "fuzz-elfver: ${seconds}s, executions: ${execs:-?}, crashes: $crashes, ${cov:-cov: ?}, corpus: $(ls "$dir/corpus" | wc -l) inputs (log: $dir/fuzz.log)"
[ "$crashes" -eq 0 ] && [ $rc -eq 0 ] || { tail -n 30 "$dir/fuzz.log"; exit 1; }
