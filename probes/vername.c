/* vername.c: classify symbol-version names and compare glibc versions (see elfver.h).
 *
 * Kept apart from the ELF reader: these work on plain strings, from a file or a command line.
 */
#include "elfver.h"

#include <stdio.h>
#include <string.h>

/* "N[.N]...": digits and dots only, at most EV_VPARTS parts, each part bounded so nothing overflows. */
static int parse_dotted(const char *s, struct ev_gver *v)
{
	unsigned n = 0;
	memset(v, 0, sizeof *v);
	for (;;) {
		unsigned long x = 0;
		const char *start = s;
		while (*s >= '0' && *s <= '9') {
			if (x > 99999)
				return -1;
			x = x * 10 + (unsigned long)(*s - '0');
			s++;
		}
		if (s == start || n >= EV_VPARTS)
			return -1;
		v->part[n++] = x;
		if (*s == '\0')
			break;
		if (*s != '.')
			return -1;
		s++;
	}
	v->n = n;
	return 0;
}

int ev_parse_gver(const char *s, struct ev_gver *v)
{
	if (parse_dotted(s, v) != 0 || v->n < 2 || v->n > 3)
		return -1;
	return 0;
}

int ev_gver_cmp(const struct ev_gver *a, const struct ev_gver *b)
{
	unsigned i;
	for (i = 0; i < EV_VPARTS; i++) {
		if (a->part[i] != b->part[i])
			return a->part[i] < b->part[i] ? -1 : 1;
	}
	return 0;
}

void ev_gver_str(const struct ev_gver *v, char *buf, size_t size)
{
	size_t used = 0;
	unsigned i, n = v->n ? v->n : 1;
	buf[0] = '\0';
	for (i = 0; i < n && i < EV_VPARTS && used < size; i++) {
		int k = snprintf(buf + used, size - used, i ? ".%lu" : "%lu", v->part[i]);
		if (k < 0)
			break;
		used += (size_t)k;
	}
}

/* Markers: GLIBC_ names without a number that stand for a feature of a known release. */
static const struct {
	const char *name;
	unsigned long major, minor;
} markers[] = {
	{"GLIBC_ABI_DT_RELR", 2, 36}, /* DT_RELR relocations (-z pack-relative-relocs) */
};

enum ev_vclass ev_classify(const char *name, struct ev_gver *v)
{
	struct ev_gver tmp;
	size_t i;
	if (!v)
		v = &tmp;
	memset(v, 0, sizeof *v);
	if (strncmp(name, "GLIBC_", 6) == 0) {
		const char *rest = name + 6;
		if (*rest >= '0' && *rest <= '9' && parse_dotted(rest, v) == 0)
			return EV_VC_GLIBC;
		memset(v, 0, sizeof *v);
		if (strcmp(rest, "PRIVATE") == 0)
			return EV_VC_GLIBC_PRIVATE;
		for (i = 0; i < sizeof markers / sizeof markers[0]; i++) {
			if (strcmp(name, markers[i].name) == 0) {
				v->part[0] = markers[i].major;
				v->part[1] = markers[i].minor;
				v->n = 2;
				return EV_VC_GLIBC_MARKER;
			}
		}
		return EV_VC_GLIBC_UNKNOWN;
	}
	if (strncmp(name, "GLIBCXX_", 8) == 0)
		return EV_VC_GLIBCXX;
	if (strncmp(name, "CXXABI_", 7) == 0)
		return EV_VC_CXXABI;
	if (strncmp(name, "GCC_", 4) == 0)
		return EV_VC_GCC;
	return EV_VC_OTHER;
}

const char *ev_vclass_name(enum ev_vclass c)
{
	switch (c) {
	case EV_VC_GLIBC: return "glibc";
	case EV_VC_GLIBC_MARKER: return "glibc-marker";
	case EV_VC_GLIBC_PRIVATE: return "glibc-private";
	case EV_VC_GLIBC_UNKNOWN: return "glibc-unknown";
	case EV_VC_GLIBCXX: return "glibcxx";
	case EV_VC_CXXABI: return "cxxabi";
	case EV_VC_GCC: return "gcc";
	case EV_VC_OTHER: return "other";
	}
	return "other";
}
