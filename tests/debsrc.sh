# debsrc.sh: Debian source packages for the real-project tests, without touching the system's apt
# state: aptenv.sh's private apt configuration, one per suite under $FC_CACHE/real-src-SUITE (its
# source lists fetched once), each source package downloaded once into its dl/PACKAGE. Sourced
# (after lib.sh) by real-projects.test, libuv.test and cxx-projects.test.
#
#   fc_debsrc_suite SUITE   make SUITE's configuration current (fc_debsrc_root, fc_debsrc_suite),
#                           fetching its lists the first time; non-zero with fc_debsrc_why set when
#                           the system's apt sources name no Debian archive or it cannot be reached
#   fc_debsrc_fetch PKG     print the path of source package PKG's .dsc, downloading it the first
#                           time; non-zero when that fails (apt-get's log: $fc_debsrc_root/dl/PKG.log)
#
# Tests that share a suite may run side by side (make -j): the first time through, each suite's
# update and each download hold a lock on the suite's directory (flock, where there is one).
. "$srcdir/tests/aptenv.sh"

fc_debsrc_locked() { # fc_debsrc_locked COMMAND...: COMMAND holding the current suite's lock
  if command -v flock > /dev/null 2>&1; then
    (flock 9 && "$@") 9> "$fc_debsrc_root/.lock"
  else
    "$@"
  fi
}

fc_debsrc_update() {
  [ -f "$fc_debsrc_root/.updated" ] && return 0
  fc_aptget "$fc_debsrc_root" update > "$fc_debsrc_root/update.log" 2>&1 &&
    ! grep -q '^E:' "$fc_debsrc_root/update.log" && touch "$fc_debsrc_root/.updated"
}

fc_debsrc_suite() {
  fc_debsrc_suite=$1 fc_debsrc_root=$FC_CACHE/real-src-$1 fc_debsrc_why=
  fc_ds_uri=$(fc_debian_uri)
  if [ -z "$fc_ds_uri" ]; then
    fc_debsrc_why="no Debian archive URI in the system's apt sources"
    return 1
  fi
  mkdir -p "$fc_debsrc_root/dl"
  fc_apt_root "$fc_debsrc_root" \
    "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $fc_ds_uri $1 main"
  fc_debsrc_locked fc_debsrc_update && return 0
  fc_debsrc_why="cannot reach the Debian archive's $1 sources (see $fc_debsrc_root/update.log)"
  return 1
}

fc_debsrc_download() { # fc_debsrc_download PKG DIR
  [ -f "$2/.done" ] && return 0
  rm -rf "$2" && mkdir -p "$2" &&
    (cd "$2" && fc_aptget "$fc_debsrc_root" source --download-only "$1") > "$fc_debsrc_root/dl/$1.log" 2>&1 &&
    touch "$2/.done"
}

fc_debsrc_fetch() {
  fc_ds_dir=$fc_debsrc_root/dl/$1
  fc_debsrc_locked fc_debsrc_download "$1" "$fc_ds_dir" || return 1
  # apt-get fails when any file of the source is missing: a .done directory has its .dsc.
  fc_ds_dsc=$(ls "$fc_ds_dir"/*.dsc 2> /dev/null | head -n 1)
  [ -n "$fc_ds_dsc" ] || return 1
  echo "$fc_ds_dsc"
}
