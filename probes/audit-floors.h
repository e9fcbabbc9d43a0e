/* audit-floors: the floors of floorcompat-audit, from the named floors table (data/floors.tsv, the
 * one table floorcc, the m4 macros and the CMake package read too).
 *
 * A floor is a glibc version and the C++ runtime of the systems it stands for: the newest GLIBCXX_
 * and CXXABI_ versions of their libstdc++.so.6 and GCC_ version of their libgcc_s.so.1. A named
 * floor (rhel7) is its row; a numeric floor (2.17) takes the C++ runtime of the first row with the
 * highest glibc at or below it (none below the table's lowest glibc: no C++ check). */
#ifndef FLOORCOMPAT_AUDIT_FLOORS_H
#define FLOORCOMPAT_AUDIT_FLOORS_H

#include "elfver.h"

/* The C++ runtime parts, in the order of the table's columns. */
enum { CXX_GLIBCXX, CXX_CXXABI, CXX_GCC, CXX_PARTS };

struct cxx_floor {
	int have;                         /* 0: the C++ runtime is not checked */
	struct ev_gver v[CXX_PARTS];
	char from[64];                    /* the row it came from, or "--cxx-floor" */
};

/* The table's path: $FLOORCOMPAT_FLOORS, else the installed one. */
const char *floors_path(void);

/* Resolve SPEC (X.Y[.Z] or a name of the table) into *glibc and *cxx. Returns 0, or -1 with a
 * message in err (at least 256 bytes): an unknown name lists the known ones. A numeric floor whose
 * table cannot be read gets no C++ runtime and a note in err (return 0, err non-empty). */
int floors_resolve(const char *spec, struct ev_gver *glibc, struct cxx_floor *cxx, char *err, size_t errsize);

/* --cxx-floor=SPEC: a name of the table, GLIBCXX:CXXABI:GCC versions (3.4.19:1.3.7:4.8.0), or
 * "none" (not checked: you ship your own libstdc++). Returns 0, or -1 with a message in err. */
int floors_cxx(const char *spec, struct cxx_floor *cxx, char *err, size_t errsize);

/* The prefix of a C++ runtime part ("GLIBCXX_", "CXXABI_", "GCC_"). */
const char *cxx_part_prefix(int part);

#endif
