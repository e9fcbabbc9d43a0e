# aptenv.sh: a private apt configuration under a cache directory, so tests can fetch Debian
# packages and sources of other suites without touching the system's apt state. Sourced by
# debfetch.sh, cares.test and real-projects.test.
#
#   fc_debian_uri              the archive URI: $FLOORCOMPAT_DEBIAN_URI, else the first Debian URI
#                              (not the security one) of the system's apt sources; empty if none
#   fc_apt_root ROOT LINE      set up ROOT/apt with LINE as its only sources.list entry
#   fc_aptget ROOT ARGS...     apt-get on that configuration (more -o options may lead ARGS)

fc_debian_uri() {
  if [ -n "${FLOORCOMPAT_DEBIAN_URI:-}" ]; then echo "$FLOORCOMPAT_DEBIAN_URI"; return; fi
  {
    for f in /etc/apt/sources.list.d/*.sources; do
      [ -r "$f" ] || continue
      awk '/^URIs:/ { for (i = 2; i <= NF; i++) if ($i !~ /security/) { print $i; exit } }' "$f"
    done
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
      [ -r "$f" ] || continue
      awk '$1 == "deb" || $1 == "deb-src" { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z+]+:\/\//) { if ($i !~ /security/) print $i; break } }' "$f"
    done
  } | head -n 1
}

fc_apt_root() {
  mkdir -p "$1/apt/lists/partial" "$1/apt/archives/partial"
  printf '%s\n' "$2" > "$1/apt/sources.list"
  [ -f "$1/apt/status" ] || : > "$1/apt/status"
}

fc_aptget() {
  fc_ar=$1; shift
  apt-get -q -o Dir::Etc::SourceList="$fc_ar/apt/sources.list" -o Dir::Etc::SourceParts=- \
    -o Dir::State::Lists="$fc_ar/apt/lists" -o Dir::State::Status="$fc_ar/apt/status" \
    -o Dir::Cache="$fc_ar/apt" -o Dir::Cache::archives="$fc_ar/apt/archives" \
    -o APT::Sandbox::User=root -o Acquire::Retries=2 -o Acquire::http::Timeout=30 \
    -o Debug::NoLocking=1 "$@"
}
