/* audit-report.c: write audit results as a human table, TSV or JSON.
 *
 * Each file is written out as soon as it has been judged and nothing about it is kept, so
 * memory stays flat however many files one call audits.  Every string that comes from a file
 * (names, paths) is escaped for the format: the input may be hostile.
 */
#include "audit-report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Room for any why_text() sentence: names are cut at 100 bytes, versions at 63. */
#define WHY_SIZE 512

/* ---------- escaping ---------- */

/* Text and TSV: backslash escapes for the characters that would break a line or a column. */
static void put_esc(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	for (; *p; p++) {
		switch (*p) {
		case '\\': fputs("\\\\", stdout); break;
		case '\t': fputs("\\t", stdout); break;
		case '\n': fputs("\\n", stdout); break;
		case '\r': fputs("\\r", stdout); break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				printf("\\x%02x", *p);
			else
				putchar(*p);
		}
	}
}

static void put_field(const char *s)
{
	if (!s || !*s)
		fputs("-", stdout);
	else
		put_esc(s);
}

/* Length of a valid UTF-8 sequence at p, or 0 (then the byte is replaced). */
static size_t utf8_len(const unsigned char *p)
{
	size_t n, i;
	unsigned long c;
	if (p[0] < 0xc2 || p[0] > 0xf4)
		return 0;
	n = p[0] < 0xe0 ? 2 : p[0] < 0xf0 ? 3 : 4;
	c = p[0] & (0x7f >> n);
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80) /* also stops at the NUL */
			return 0;
		c = (c << 6) | (p[i] & 0x3f);
	}
	if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10ffff)) || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	return n;
}

static void put_json_str(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	if (!s) {
		fputs("null", stdout);
		return;
	}
	putchar('"');
	while (*p) {
		if (*p == '"' || *p == '\\') {
			putchar('\\');
			putchar(*p++);
		} else if (*p < 0x20 || *p == 0x7f) {
			printf("\\u%04x", *p++);
		} else if (*p < 0x80) {
			putchar(*p++);
		} else {
			size_t n = utf8_len(p);
			if (n == 0) {
				fputs("\\ufffd", stdout); /* not UTF-8: JSON cannot carry the raw byte */
				p++;
			} else {
				fwrite(p, 1, n, stdout);
				p += n;
			}
		}
	}
	putchar('"');
}

/* ---------- shared helpers ---------- */

static const char *machine_name(unsigned m)
{
	switch (m) {
	case 2: return "sparc";
	case 3: return "i386";
	case 8: return "mips";
	case 20: return "ppc";
	case 21: return "ppc64";
	case 22: return "s390";
	case 40: return "arm";
	case 42: return "sh";
	case 43: return "sparc64";
	case 62: return "x86-64";
	case 183: return "aarch64";
	case 243: return "riscv";
	case 258: return "loongarch";
	case 0x9026: return "alpha";
	default: return NULL;
	}
}

static const char *status_name(const struct audit_result *r)
{
	if (r->error)
		return "error";
	switch (r->ef->status) {
	case EV_STATIC: return "static";
	case EV_UNVERSIONED: return "no-version-info";
	case EV_VERSIONED: return "versioned";
	}
	return "versioned";
}

static const char *verdict_name(int v)
{
	return v == AUDIT_ERROR ? "error" : v == AUDIT_ABOVE ? "above" : "ok";
}

static void gver(const struct ev_gver *v, char *buf)
{
	ev_gver_str(v, buf, 64);
}

/* "    SYMBOL VERSION LIBRARY", the text form of one need (no newline). */
static void put_need(const struct ev_need *n)
{
	fputs("    ", stdout);
	put_esc(n->sym);
	putchar(' ');
	put_esc(n->version);
	putchar(' ');
	put_esc(n->file);
	if (n->copy)
		fputs(" (copy relocation)", stdout);
}

/* One entry of the JSON "above_floor" list; FIRST is 0 for the list's first entry. */
static void put_json_need(size_t first, const struct ev_need *n, const char *reason)
{
	fputs(first ? ",{\"symbol\":" : "{\"symbol\":", stdout);
	put_json_str(n->sym);
	fputs(",\"version\":", stdout);
	put_json_str(n->version);
	fputs(",\"library\":", stdout);
	put_json_str(n->file);
	fputs(",\"reason\":", stdout);
	put_json_str(reason);
	if (n->copy)
		fputs(",\"copy\":true", stdout);
	putchar('}');
}

/* One sentence on why a version breaks the floor, for all formats. */
static void why_text(const struct audit_opts *o, const struct audit_vna *j, const char *name, char *buf, size_t size)
{
	char v[64];
	switch (j->why) {
	case WHY_NEWER:
		snprintf(buf, size, "%.100s is newer than floor %s", name, o->floor_str);
		break;
	case WHY_MARKER:
		gver(&j->v, v);
		snprintf(buf, size, "%.100s needs glibc %s, newer than floor %s", name, v, o->floor_str);
		break;
	case WHY_PRIVATE:
		snprintf(buf, size, "GLIBC_PRIVATE is glibc-internal and changes between builds: no floor allows it");
		break;
	case WHY_UNKNOWN:
		snprintf(buf, size, "%.100s is not a known glibc version: cannot be checked against floor %s",
			 name, o->floor_str);
		break;
	case WHY_CXX: {
		int part = j->cls == EV_VC_GLIBCXX ? CXX_GLIBCXX : j->cls == EV_VC_CXXABI ? CXX_CXXABI : CXX_GCC;
		gver(&o->cxx.v[part], v);
		snprintf(buf, size, "%.100s is newer than the C++ runtime of %s (%s%s): link libstdc++ and libgcc "
			 "statically (-static-libstdc++ -static-libgcc), or set the C++ floor (--cxx-floor) if you ship "
			 "your own libstdc++", name, o->cxx.from, cxx_part_prefix(part), v);
		break;
	}
	case WHY_NONE:
	default:
		buf[0] = '\0';
	}
}

static const struct audit_vna *jv_of(const struct audit_result *r, const struct ev_vernaux *x)
{
	return &r->jv[x - r->ef->vna];
}

/* Natural order: digit runs compare as numbers, so GLIBC_2.2.5 < GLIBC_2.10 and
 * GLIBCXX_3.4.9 < GLIBCXX_3.4.21. */
static int natcmp(const char *a, const char *b)
{
	while (*a && *b) {
		if (*a >= '0' && *a <= '9' && *b >= '0' && *b <= '9') {
			const char *ea = a, *eb = b;
			size_t la, lb;
			while (*a == '0' && a[1] >= '0' && a[1] <= '9')
				a++;
			while (*b == '0' && b[1] >= '0' && b[1] <= '9')
				b++;
			for (ea = a; *ea >= '0' && *ea <= '9'; ea++)
				;
			for (eb = b; *eb >= '0' && *eb <= '9'; eb++)
				;
			la = (size_t)(ea - a);
			lb = (size_t)(eb - b);
			if (la != lb)
				return la < lb ? -1 : 1;
			for (; a < ea; a++, b++)
				if (*a != *b)
					return *a < *b ? -1 : 1;
			continue;
		}
		if (*a != *b)
			return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
		a++;
		b++;
	}
	return (unsigned char)*a < (unsigned char)*b ? -1 : (unsigned char)*a > (unsigned char)*b;
}

static int class_rank(enum ev_vclass c)
{
	switch (c) {
	case EV_VC_GLIBC:
	case EV_VC_GLIBC_MARKER: return 0;
	case EV_VC_GLIBC_PRIVATE: return 1;
	case EV_VC_GLIBC_UNKNOWN: return 2;
	case EV_VC_GLIBCXX: return 3;
	case EV_VC_CXXABI: return 4;
	case EV_VC_GCC: return 5;
	case EV_VC_OTHER: return 6;
	}
	return 6;
}

static const struct audit_result *sort_ctx;

static int cmp_vna(const void *pa, const void *pb)
{
	const struct ev_vernaux *a = &sort_ctx->ef->vna[*(const size_t *)pa];
	const struct ev_vernaux *b = &sort_ctx->ef->vna[*(const size_t *)pb];
	const struct audit_vna *ja = jv_of(sort_ctx, a), *jb = jv_of(sort_ctx, b);
	int ra = class_rank(ja->cls), rb = class_rank(jb->cls), c;
	if (ra != rb)
		return ra < rb ? -1 : 1;
	if (ra == 0 && (c = ev_gver_cmp(&ja->v, &jb->v)) != 0)
		return c;
	return natcmp(a->name, b->name);
}

/* Vernaux indices ordered for display; the caller frees.  NULL when there are none. */
static size_t *sorted_vna(const struct audit_result *r)
{
	size_t i, *idx;
	if (r->ef->nvna == 0)
		return NULL;
	idx = malloc(r->ef->nvna * sizeof *idx);
	if (!idx)
		return NULL;
	for (i = 0; i < r->ef->nvna; i++)
		idx[i] = i;
	sort_ctx = r;
	qsort(idx, r->ef->nvna, sizeof *idx, cmp_vna);
	return idx;
}

/* ---------- text ---------- */

static void text_header(const struct audit_result *r)
{
	const struct ev_file *f = r->ef;
	const char *mn = machine_name(f->machine);
	put_esc(r->path);
	printf(": ELF%u %s ", f->elfclass, f->big_endian ? "MSB" : "LSB");
	if (mn)
		fputs(mn, stdout);
	else
		printf("machine %u", f->machine);
	switch (f->status) {
	case EV_STATIC:
		fputs(f->type == 1 ? ", relocatable object: static (no dynamic symbols)\n"
				   : ", static (no dynamic symbols)\n", stdout);
		break;
	case EV_UNVERSIONED:
		printf(", dynamic, no version info (%zu dynamic symbols, %zu undefined)\n",
		       f->ndynsym ? f->ndynsym - 1 : 0, f->nneed);
		break;
	case EV_VERSIONED:
		printf(", dynamic, versioned%s\n", f->from_dynamic ? " (read from the dynamic segment)" : "");
		break;
	}
}

static void text_file(const struct audit_opts *o, const struct audit_result *r)
{
	const struct ev_file *f = r->ef;
	size_t i, k, *idx;
	char buf[WHY_SIZE], v[64];

	if (o->quiet) {
		if (r->verdict == AUDIT_ABOVE) {
			put_esc(r->path);
			printf(": above floor %s:", o->floor_str);
			idx = sorted_vna(r);
			for (i = 0; idx && i < f->nvna; i++) {
				if (!r->jv[idx[i]].above ||
				    (i && strcmp(f->vna[idx[i - 1]].name, f->vna[idx[i]].name) == 0))
					continue;
				putchar(' ');
				put_esc(f->vna[idx[i]].name);
			}
			free(idx);
			printf(" (%zu symbols)\n", r->above_syms);
		}
		return;
	}
	text_header(r);
	if (f->nvna) {
		puts("  version needs:");
		for (i = 0; i < f->nvna; i = k) {
			fputs("    ", stdout);
			put_esc(f->vna[i].file);
			putchar(':');
			for (k = i; k < f->nvna && f->vna[k].file == f->vna[i].file; k++) {
				putchar(' ');
				put_esc(f->vna[k].name);
				if (f->vna[k].flags & EV_VER_FLG_WEAK)
					fputs("(weak)", stdout);
			}
			putchar('\n');
		}
	}
	if (f->nvd) {
		fputs("  defines:", stdout);
		for (i = 0; i < f->nvd; i++) {
			if (!f->vd[i].name)
				continue;
			putchar(' ');
			put_esc(f->vd[i].name);
		}
		putchar('\n');
	}
	if (f->nneed) {
		puts("  undefined symbols per version:");
		idx = sorted_vna(r);
		for (i = 0; idx && i < f->nvna; i = k) {
			size_t n = 0;
			const struct ev_vernaux *x = &f->vna[idx[i]];
			for (k = i; k < f->nvna && strcmp(f->vna[idx[k]].name, x->name) == 0; k++)
				n += f->vna[idx[k]].nsyms;
			printf("    %6zu  ", n);
			put_esc(x->name);
			putchar('\n');
		}
		free(idx);
		{
			size_t ndef = f->nneed - f->nunversioned;
			for (i = 0; i < f->nvna; i++)
				ndef -= f->vna[i].nsyms;
			if (ndef)
				printf("    %6zu  (bound to versions this file defines)\n", ndef);
		}
		if (f->nunversioned)
			printf("    %6zu  (unversioned)\n", f->nunversioned);
	}
	if (r->have_max) {
		gver(&r->max, v);
		printf("  highest glibc needed: %s\n", v);
	}
	if (r->verdict == AUDIT_ABOVE) {
		printf("  above floor %s:\n", o->floor_str);
		for (i = 0; i < f->nneed; i++) {
			const struct ev_need *n = &f->need[i];
			if (!n->vna || !jv_of(r, n->vna)->above)
				continue;
			put_need(n);
			putchar('\n');
		}
		idx = sorted_vna(r);
		for (i = 0; idx && i < f->nvna; i++) {
			const struct ev_vernaux *x = &f->vna[idx[i]];
			const struct audit_vna *j = &r->jv[idx[i]];
			if (!j->above || (i && strcmp(f->vna[idx[i - 1]].name, x->name) == 0))
				continue;
			why_text(o, j, x->name, buf, sizeof buf);
			fputs("    why: ", stdout);
			put_esc(buf);
			if (x->nsyms == 0) {
				fputs(" (needed from ", stdout);
				put_esc(x->file);
				fputs(" without any symbol)", stdout);
			}
			putchar('\n');
		}
		for (i = 0; r->home && i < f->nneed; i++) {
			const struct ev_need *n = &f->need[i];
			if (!r->home[i])
				continue;
			put_need(n);
			fputs(": below glibc 2.34 must be needed from ", stdout);
			put_esc(r->home[i]);
			fputs(" (link through the floor directory)\n", stdout);
		}
		free(idx);
	}
	if (o->have_floor)
		printf("  verdict: %s\n", r->verdict == AUDIT_ABOVE ? "ABOVE FLOOR" : "ok");
}

/* ---------- TSV ---------- */

static void tsv_row(const char *path, const char *kind, const char *sym, const char *ver, const char *lib,
		    const char *cls, const char *flags, const char *verdict, const char *detail)
{
	put_field(path);
	putchar('\t');
	fputs(kind, stdout);
	putchar('\t');
	put_field(sym);
	putchar('\t');
	put_field(ver);
	putchar('\t');
	put_field(lib);
	putchar('\t');
	put_field(cls);
	putchar('\t');
	put_field(flags);
	putchar('\t');
	put_field(verdict);
	putchar('\t');
	put_field(detail);
	putchar('\n');
}

static void add_flag(char *buf, size_t size, const char *flag)
{
	size_t used = strlen(buf);
	snprintf(buf + used, size - used, "%s%s", used ? "," : "", flag);
}

static void tsv_file(const struct audit_opts *o, const struct audit_result *r)
{
	const struct ev_file *f = r->ef;
	char buf[WHY_SIZE], v[64], flags[32];
	size_t i;

	if (r->error) {
		tsv_row(r->path, "file", NULL, NULL, NULL, "error", NULL, "error", r->error);
		return;
	}
	if (!o->quiet) {
		for (i = 0; i < f->nneed; i++) {
			const struct ev_need *n = &f->need[i];
			const char *cls = "unversioned", *verdict = NULL;
			buf[0] = '\0';
			if (n->vna) {
				const struct audit_vna *j = jv_of(r, n->vna);
				cls = ev_vclass_name(j->cls);
				if (j->judged)
					verdict = j->above ? "above" : "ok";
				why_text(o, j, n->version, buf, sizeof buf);
			} else if (n->version) {
				cls = "defined-here";
			}
			if (r->home && r->home[i]) {
				verdict = "above";
				snprintf(buf, sizeof buf, "below glibc 2.34 must be needed from %s", r->home[i]);
			}
			flags[0] = '\0';
			if (n->bind == 2)
				add_flag(flags, sizeof flags, "weak");
			if (n->hidden)
				add_flag(flags, sizeof flags, "hidden");
			if (n->vna && (n->vna->flags & EV_VER_FLG_WEAK))
				add_flag(flags, sizeof flags, "weakver");
			if (n->copy)
				add_flag(flags, sizeof flags, "copy");
			tsv_row(r->path, "need", n->sym, n->version, n->file, cls, flags, verdict, buf);
		}
		for (i = 0; i < f->nvna; i++) {
			const struct audit_vna *j = &r->jv[i];
			why_text(o, j, f->vna[i].name, buf, sizeof buf);
			tsv_row(r->path, "verneed", NULL, f->vna[i].name, f->vna[i].file, ev_vclass_name(j->cls),
				(f->vna[i].flags & EV_VER_FLG_WEAK) ? "weakver" : NULL,
				j->judged ? (j->above ? "above" : "ok") : NULL, buf);
		}
	}
	if (r->have_max) {
		gver(&r->max, v);
		snprintf(buf, sizeof buf, "GLIBC_%s", v);
	} else {
		buf[0] = '\0';
	}
	{
		char detail[256];
		detail[0] = '\0';
		if (r->verdict == AUDIT_ABOVE)
			snprintf(detail, sizeof detail, "%zu symbols and %zu versions above floor %s, %zu from the wrong library",
				 r->above_syms, r->above_vers, o->floor_str, r->misplaced);
		tsv_row(r->path, "file", NULL, buf, NULL, status_name(r), NULL,
			o->have_floor ? verdict_name(r->verdict) : NULL, detail);
	}
}

/* ---------- JSON ---------- */

static int json_first;

static void json_kv_bool(const char *k, int b)
{
	printf(",\"%s\":%s", k, b ? "true" : "false");
}

static void json_file(const struct audit_opts *o, const struct audit_result *r)
{
	const struct ev_file *f = r->ef;
	char buf[WHY_SIZE], v[64];
	size_t i, k, *idx;
	const char *mn;

	fputs(json_first ? "\n  {" : ",\n  {", stdout);
	json_first = 0;
	fputs("\"file\":", stdout);
	put_json_str(r->path);
	printf(",\"status\":\"%s\",\"verdict\":", status_name(r));
	if (o->have_floor || r->error)
		printf("\"%s\"", verdict_name(r->verdict));
	else
		fputs("null", stdout);
	if (r->error) {
		fputs(",\"error\":", stdout);
		put_json_str(r->error);
		putchar('}');
		return;
	}
	mn = machine_name(f->machine);
	printf(",\"elf\":{\"class\":%u,\"endian\":\"%s\",\"machine\":%u,\"machine_name\":", f->elfclass,
	       f->big_endian ? "big" : "little", f->machine);
	put_json_str(mn);
	printf(",\"type\":%u}", f->type);
	fputs(",\"max_glibc\":", stdout);
	if (r->have_max) {
		gver(&r->max, v);
		printf("\"%s\"", v);
	} else {
		fputs("null", stdout);
	}
	printf(",\"above_symbols\":%zu,\"above_versions\":%zu", r->above_syms, r->above_vers);
	if (o->quiet) {
		putchar('}');
		return;
	}
	json_kv_bool("from_dynamic_segment", (int)f->from_dynamic);
	printf(",\"dynamic_symbols\":%zu,\"unversioned_undefined\":%zu", f->ndynsym ? f->ndynsym - 1 : 0,
	       f->nunversioned);
	fputs(",\"verneed\":[", stdout);
	for (i = 0; i < f->nvna; i = k) {
		fputs(i ? ",{\"library\":" : "{\"library\":", stdout);
		put_json_str(f->vna[i].file);
		fputs(",\"versions\":[", stdout);
		for (k = i; k < f->nvna && f->vna[k].file == f->vna[i].file; k++) {
			const struct audit_vna *j = &r->jv[k];
			fputs(k > i ? ",{\"name\":" : "{\"name\":", stdout);
			put_json_str(f->vna[k].name);
			printf(",\"class\":\"%s\"", ev_vclass_name(j->cls));
			json_kv_bool("weak", (f->vna[k].flags & EV_VER_FLG_WEAK) != 0);
			printf(",\"symbols\":%zu,\"verdict\":", f->vna[k].nsyms);
			if (j->judged)
				printf("\"%s\"", j->above ? "above" : "ok");
			else
				fputs("null", stdout);
			if (j->above) {
				why_text(o, j, f->vna[k].name, buf, sizeof buf);
				fputs(",\"reason\":", stdout);
				put_json_str(buf);
			}
			putchar('}');
		}
		fputs("]}", stdout);
	}
	fputs("],\"verdef\":[", stdout);
	for (i = 0, k = 0; i < f->nvd; i++) {
		if (!f->vd[i].name)
			continue;
		if (k++)
			putchar(',');
		put_json_str(f->vd[i].name);
	}
	fputs("],\"version_counts\":[", stdout);
	idx = sorted_vna(r);
	for (i = 0; idx && i < f->nvna; i = k) {
		size_t n = 0;
		const struct ev_vernaux *x = &f->vna[idx[i]];
		for (k = i; k < f->nvna && strcmp(f->vna[idx[k]].name, x->name) == 0; k++)
			n += f->vna[idx[k]].nsyms;
		fputs(i ? ",{\"version\":" : "{\"version\":", stdout);
		put_json_str(x->name);
		printf(",\"symbols\":%zu}", n);
	}
	free(idx);
	fputs("],\"needs\":[", stdout);
	for (i = 0; i < f->nneed; i++) {
		const struct ev_need *n = &f->need[i];
		fputs(i ? ",{\"symbol\":" : "{\"symbol\":", stdout);
		put_json_str(n->sym);
		fputs(",\"version\":", stdout);
		put_json_str(n->version);
		fputs(",\"library\":", stdout);
		put_json_str(n->file);
		json_kv_bool("weak", n->bind == 2);
		json_kv_bool("hidden", n->hidden);
		putchar('}');
	}
	fputs("],\"above_floor\":[", stdout);
	k = 0;
	for (i = 0; i < f->nneed; i++) {
		const struct ev_need *n = &f->need[i];
		const struct audit_vna *j;
		if (!n->vna || !(j = jv_of(r, n->vna))->above)
			continue;
		why_text(o, j, n->version, buf, sizeof buf);
		put_json_need(k++, n, buf);
	}
	for (i = 0; i < f->nvna; i++) {
		const struct audit_vna *j = &r->jv[i];
		if (!j->above || f->vna[i].nsyms)
			continue;
		/* A version needed with no symbol bound to it (GLIBC_ABI_DT_RELR is always so). */
		fputs(k++ ? ",{\"symbol\":null,\"version\":" : "{\"symbol\":null,\"version\":", stdout);
		put_json_str(f->vna[i].name);
		fputs(",\"library\":", stdout);
		put_json_str(f->vna[i].file);
		why_text(o, j, f->vna[i].name, buf, sizeof buf);
		fputs(",\"reason\":", stdout);
		put_json_str(buf);
		putchar('}');
	}
	for (i = 0; r->home && i < f->nneed; i++) {
		const struct ev_need *n = &f->need[i];
		if (!r->home[i])
			continue;
		snprintf(buf, sizeof buf, "below glibc 2.34 must be needed from %s", r->home[i]);
		put_json_need(k++, n, buf);
	}
	fputs("]}", stdout);
}

/* ---------- entry points ---------- */

void report_begin(const struct audit_opts *o)
{
	if (o->fmt == FMT_TSV) {
		puts("file\tkind\tsymbol\tversion\tlibrary\tclass\tflags\tverdict\tdetail");
	} else if (o->fmt == FMT_JSON) {
		fputs("{\"floor\":", stdout);
		if (o->have_floor)
			printf("\"%s\"", o->floor_str);
		else
			fputs("null", stdout);
		fputs(",\"files\":[", stdout);
		json_first = 1;
	}
}

void report_file(const struct audit_opts *o, const struct audit_result *r)
{
	switch (o->fmt) {
	case FMT_TEXT:
		if (!r->error)
			text_file(o, r);
		break;
	case FMT_TSV: tsv_file(o, r); break;
	case FMT_JSON: json_file(o, r); break;
	}
}

void report_end(const struct audit_opts *o, size_t nfiles, size_t nabove, size_t nerr, int status)
{
	if (o->fmt == FMT_JSON) {
		printf("\n],\"summary\":{\"files\":%zu,\"ok\":%zu,\"above\":%zu,\"errors\":%zu,\"exit_status\":%d}}\n",
		       nfiles, nfiles - nabove - nerr, nabove, nerr, status);
	} else if (o->fmt == FMT_TEXT && !o->quiet && nfiles > 1) {
		printf("summary: %zu files, %zu above floor, %zu errors\n", nfiles, nabove, nerr);
	}
}
