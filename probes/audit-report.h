/* audit-report: the verdict model of floorcompat-audit and its text/TSV/JSON writers. */
#ifndef FLOORCOMPAT_AUDIT_REPORT_H
#define FLOORCOMPAT_AUDIT_REPORT_H

#include <stddef.h>
#include "elfver.h"
#include "audit-floors.h"

enum { AUDIT_OK = 0, AUDIT_ABOVE = 1, AUDIT_ERROR = 2 };

enum audit_format { FMT_TEXT, FMT_TSV, FMT_JSON };

struct audit_opts {
	enum audit_format fmt;
	int quiet;
	int have_floor;
	struct ev_gver floor;
	char floor_str[96];   /* "2.17", or "2.17 (rhel7)" for a named floor */
	struct cxx_floor cxx; /* the floor's C++ runtime: GLIBCXX_/CXXABI_/GCC_ needs above it fail */
};

/* Why a needed version breaks the floor. */
enum audit_why {
	WHY_NONE,
	WHY_NEWER,    /* GLIBC_x.y newer than the floor */
	WHY_MARKER,   /* a marker such as GLIBC_ABI_DT_RELR whose release is newer than the floor */
	WHY_PRIVATE,  /* GLIBC_PRIVATE: glibc-internal, no floor allows it */
	WHY_UNKNOWN,  /* a GLIBC_ name we cannot place against any floor */
	WHY_CXX       /* GLIBCXX_/CXXABI_/GCC_ newer than the floor's C++ runtime */
};

/* The judgement of one Vernaux entry (parallel to ev_file.vna). */
struct audit_vna {
	enum ev_vclass cls;
	struct ev_gver v;     /* valid for EV_VC_GLIBC and EV_VC_GLIBC_MARKER, and for a numeric
	                         GLIBCXX_/CXXABI_/GCC_ version judged against the C++ runtime */
	int judged;           /* a floor was given and this class is held against it */
	int above;
	enum audit_why why;
};

struct audit_result {
	const char *path;
	const char *error;            /* non-NULL: the file could not be read; nothing else is set */
	const struct ev_file *ef;
	const struct audit_vna *jv;
	int verdict;                  /* AUDIT_OK, AUDIT_ABOVE or AUDIT_ERROR */
	int have_max;                 /* the highest GLIBC version needed, markers included */
	struct ev_gver max;
	size_t above_syms;            /* undefined symbols bound to a version above the floor */
	size_t above_vers;            /* Vernaux entries above the floor */
	const char **home;            /* per need: below floor 2.34, the pre-2.34 home library the need
	                                 must name but does not (NULL: fine); NULL when none are wrong */
	size_t misplaced;             /* needs with a non-NULL home */
};

void report_begin(const struct audit_opts *o);
void report_file(const struct audit_opts *o, const struct audit_result *r);
void report_end(const struct audit_opts *o, size_t nfiles, size_t nabove, size_t nerr, int status);

#endif
