/* audit-floors: reading the named floors table (see audit-floors.h). */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit-floors.h"

#ifndef FLOORCOMPAT_FLOORS_FILE
#define FLOORCOMPAT_FLOORS_FILE "floors.tsv"
#endif

const char *floors_path(void)
{
	const char *e = getenv("FLOORCOMPAT_FLOORS");
	return e && *e ? e : FLOORCOMPAT_FLOORS_FILE;
}

const char *cxx_part_prefix(int part)
{
	static const char *const p[CXX_PARTS] = { "GLIBCXX_", "CXXABI_", "GCC_" };
	return part >= 0 && part < CXX_PARTS ? p[part] : "";
}

/* One row: name, glibc, kernel, GLIBCXX, CXXABI, GCC (what runs it and the source follow). */
struct row {
	char name[64];
	struct ev_gver glibc;
	struct ev_gver cxx[CXX_PARTS];
};

/* Splits LINE at SEP into at most n fields (in place); returns the count. */
static int fields(char *line, int sep, char **f, int n)
{
	int k = 0;
	char *p = line;
	while (k < n) {
		f[k++] = p;
		p = strchr(p, sep);
		if (!p)
			break;
		*p++ = '\0';
	}
	return k;
}

/* Reads the next row of FP into *r: 1, 0 at the end, -1 for a malformed row (line in *lineno). */
static int next_row(FILE *fp, struct row *r, unsigned *lineno)
{
	char line[1024], *f[7];
	int i;
	while (fgets(line, sizeof line, fp)) {
		++*lineno;
		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		if (fields(line, '\t', f, 7) < 6 || strlen(f[0]) >= sizeof r->name || ev_parse_gver(f[1], &r->glibc) != 0)
			return -1;
		for (i = 0; i < CXX_PARTS; i++)
			if (ev_parse_gver(f[3 + i], &r->cxx[i]) != 0)
				return -1;
		strcpy(r->name, f[0]);
		return 1;
	}
	return 0;
}

static void set_cxx(struct cxx_floor *cxx, const struct row *r)
{
	memcpy(cxx->v, r->cxx, sizeof cxx->v);
	snprintf(cxx->from, sizeof cxx->from, "%s", r->name);
	cxx->have = 1;
}

/* Looks SPEC up: a name (exact row) or, with NUMERIC, the row a numeric floor takes. 1 found,
 * 0 not, -1 unreadable or malformed table (message in err). Names go to names (may be NULL). */
static int lookup(const char *spec, const struct ev_gver *numeric, struct row *out, char *names, size_t nsize,
		  char *err, size_t errsize)
{
	FILE *fp = fopen(floors_path(), "r");
	struct row r;
	unsigned lineno = 0;
	int s, found = 0;
	if (!fp) {
		snprintf(err, errsize, "cannot read the named floors table %s", floors_path());
		return -1;
	}
	if (names && nsize)
		names[0] = '\0';
	while ((s = next_row(fp, &r, &lineno)) == 1) {
		if (numeric) {
			/* The highest glibc at or below the floor; its first row (table order). */
			if (ev_gver_cmp(&r.glibc, numeric) <= 0 && (!found || ev_gver_cmp(&r.glibc, &out->glibc) > 0)) {
				*out = r;
				found = 1;
			}
		} else if (!found && strcmp(r.name, spec) == 0) {
			*out = r;
			found = 1;
		}
		if (names && strlen(names) + strlen(r.name) + 2 < nsize) {
			strcat(names, " ");
			strcat(names, r.name);
		}
	}
	fclose(fp);
	if (s < 0) {
		snprintf(err, errsize, "%s:%u: malformed row (name, glibc, kernel, GLIBCXX, CXXABI, GCC ...)", floors_path(),
			 lineno);
		return -1;
	}
	return found;
}

int floors_resolve(const char *spec, struct ev_gver *glibc, struct cxx_floor *cxx, char *err, size_t errsize)
{
	struct row r;
	char names[512];
	int s;
	err[0] = '\0';
	memset(cxx, 0, sizeof *cxx);
	if (ev_parse_gver(spec, glibc) == 0) {
		s = lookup(spec, glibc, &r, NULL, 0, err, errsize);
		if (s < 0) {
			/* The glibc floor stands; the C++ runtime cannot be known. */
			size_t n = strlen(err);
			snprintf(err + n, errsize - n, ": the C++ runtime is not checked (give --cxx-floor)");
			return 0;
		}
		if (s == 1)
			set_cxx(cxx, &r);
		return 0;
	}
	s = lookup(spec, NULL, &r, names, sizeof names, err, errsize);
	if (s < 0)
		return -1;
	if (s == 0) {
		snprintf(err, errsize, "unknown floor '%.64s': give a glibc version (2.17) or one of:%s", spec, names);
		return -1;
	}
	*glibc = r.glibc;
	set_cxx(cxx, &r);
	return 0;
}

int floors_cxx(const char *spec, struct cxx_floor *cxx, char *err, size_t errsize)
{
	struct row r;
	char names[512], buf[96];
	int i, s;
	err[0] = '\0';
	if (strcmp(spec, "none") == 0) {
		memset(cxx, 0, sizeof *cxx);
		return 0;
	}
	if (strchr(spec, ':')) {
		char *part[CXX_PARTS + 1];
		if (strlen(spec) >= sizeof buf)
			goto bad;
		strcpy(buf, spec);
		if (fields(buf, ':', part, CXX_PARTS + 1) != CXX_PARTS)
			goto bad;
		for (i = 0; i < CXX_PARTS; i++)
			if (ev_parse_gver(part[i], &cxx->v[i]) != 0)
				goto bad;
		snprintf(cxx->from, sizeof cxx->from, "--cxx-floor");
		cxx->have = 1;
		return 0;
	}
	s = lookup(spec, NULL, &r, names, sizeof names, err, errsize);
	if (s < 0)
		return -1;
	if (s == 0) {
		snprintf(err, errsize, "unknown C++ floor '%.64s': give none, GLIBCXX:CXXABI:GCC versions "
			 "(3.4.19:1.3.7:4.8.0) or one of:%s", spec, names);
		return -1;
	}
	set_cxx(cxx, &r);
	return 0;
bad:
	snprintf(err, errsize, "invalid C++ floor '%.64s' (expected none, a named floor, or "
		 "GLIBCXX:CXXABI:GCC versions such as 3.4.19:1.3.7:4.8.0)", spec);
	return -1;
}
