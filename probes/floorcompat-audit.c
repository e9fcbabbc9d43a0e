/* floorcompat-audit: report the glibc symbol versions ELF files need and fail when any is
 * above a floor.  Reads the files itself (see elfver.c): no libelf, no binutils at run time.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700 /* pread, lstat, strdup and the dirent calls under -std=c99 */
#endif

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "audit-report.h"
#include "homes-table.h"
#include "elfver.h"

#ifndef PACKAGE_VERSION
#define PACKAGE_VERSION "dev"
#endif

static const char *prog = "floorcompat-audit";

static size_t nfiles, nabove, nerr;

/* ---------- files already reported ---------- */

/* (dev, ino) of every file reported, so hard links and overlapping -r trees count once.
 * 16 bytes per file: the only thing kept across files. */
struct seen_key {
	dev_t dev;
	ino_t ino;
};
static struct seen_key *seen;
static size_t seen_cap, seen_n;

static size_t seen_hash(dev_t d, ino_t i)
{
	unsigned long long h = (unsigned long long)i * 0x9e3779b97f4a7c15ull ^ (unsigned long long)d;
	return (size_t)(h ^ (h >> 29));
}

/* 1 if already there; otherwise records it and returns 0. */
static int seen_add(dev_t d, ino_t i)
{
	size_t k;
	if (2 * (seen_n + 1) > seen_cap) {
		size_t ncap = seen_cap ? 2 * seen_cap : 1024, j;
		struct seen_key *n = calloc(ncap, sizeof *n);
		if (!n) {
			fprintf(stderr, "%s: out of memory\n", prog);
			exit(2);
		}
		for (j = 0; j < seen_cap; j++) {
			if (seen[j].ino == 0 && seen[j].dev == 0)
				continue;
			for (k = seen_hash(seen[j].dev, seen[j].ino) & (ncap - 1); n[k].ino || n[k].dev;
			     k = (k + 1) & (ncap - 1))
				;
			n[k] = seen[j];
		}
		free(seen);
		seen = n;
		seen_cap = ncap;
	}
	for (k = seen_hash(d, i) & (seen_cap - 1); seen[k].ino || seen[k].dev; k = (k + 1) & (seen_cap - 1))
		if (seen[k].dev == d && seen[k].ino == i)
			return 1;
	seen[k].dev = d;
	seen[k].ino = i;
	seen_n++;
	return 0;
}

/* ---------- judging ---------- */

static void judge_vna(const struct audit_opts *o, const struct ev_vernaux *x, struct audit_vna *j)
{
	memset(j, 0, sizeof *j);
	j->cls = ev_classify(x->name, &j->v);
	if (!o->have_floor)
		return;
	switch (j->cls) {
	case EV_VC_GLIBC:
	case EV_VC_GLIBC_MARKER:
		j->judged = 1;
		if (ev_gver_cmp(&j->v, &o->floor) > 0) {
			j->above = 1;
			j->why = j->cls == EV_VC_GLIBC ? WHY_NEWER : WHY_MARKER;
		}
		break;
	case EV_VC_GLIBC_PRIVATE:
		j->judged = j->above = 1;
		j->why = WHY_PRIVATE;
		break;
	case EV_VC_GLIBC_UNKNOWN:
		/* A verifier must not pass what it cannot place. */
		j->judged = j->above = 1;
		j->why = WHY_UNKNOWN;
		break;
	case EV_VC_GLIBCXX:
	case EV_VC_CXXABI:
	case EV_VC_GCC: {
		/* Held against the floor's C++ runtime. Non-numeric labels (CXXABI_TM_1, GLIBCXX_LDBL_3.4,
		 * CXXABI_FLOAT128 ...) are as old as the numbers around them: reported only. */
		int part = j->cls == EV_VC_GLIBCXX ? CXX_GLIBCXX : j->cls == EV_VC_CXXABI ? CXX_CXXABI : CXX_GCC;
		const char *num = x->name + strlen(cxx_part_prefix(part));
		if (!o->cxx.have || ev_parse_gver(num, &j->v) != 0)
			break;
		j->judged = 1;
		if (ev_gver_cmp(&j->v, &o->cxx.v[part]) > 0) {
			j->above = 1;
			j->why = WHY_CXX;
		}
		break;
	}
	default:
		break; /* other libraries' versions: reported, not held against the floor */
	}
}

/* Per-symbol checks go here.  Today a symbol is above the floor exactly when its version is;
 * the planned "pre-2.34 home library" check (below floor 2.34, pthread_create & co. must be
 * needed from libpthread.so.0, dlopen from libdl.so.2, ...) needs n->sym, n->version and
 * n->file, which ev_need keeps. */
static int judge_need(const struct audit_result *r, const struct ev_need *n)
{
	/* jv is NULL only for a file without Vernaux entries, where ev_parse leaves every n->vna NULL
	 * (tests/fuzz/fuzz-elfver.c checks it); the test keeps that invariant visible to the analyzer. */
	return n->vna && r->jv && r->jv[n->vna - r->ef->vna].above;
}

/* The homes table's bit for the file's architecture, 0 when it has none. */
static unsigned home_arch(const struct ev_file *f)
{
	switch (f->machine) {
	case 62: return f->elfclass == 64 ? FC_HOME_AMD64 : 0;     /* EM_X86_64 (not x32) */
	case 183: return f->elfclass == 64 ? FC_HOME_ARM64 : 0;    /* EM_AARCH64 */
	case 40: return FC_HOME_ARMHF;                             /* EM_ARM */
	case 3: return FC_HOME_I386;                               /* EM_386 */
	case 21: return f->big_endian ? 0 : FC_HOME_PPC64EL;       /* EM_PPC64 */
	case 243: return f->elfclass == 64 ? FC_HOME_RISCV64 : 0;  /* EM_RISCV */
	case 22: return f->elfclass == 64 ? FC_HOME_S390X : 0;     /* EM_S390 */
	default: return 0;
	}
}

static int home_cmp(const void *key, const void *elem)
{
	return strcmp((const char *)key, ((const struct fc_home *)elem)->symbol);
}

/* Below 2.34, glibc < 2.30 binds SYM@VERSION only in the library its Verneed names: symbols that
 * 2.34 merged into libc must still be needed from their old homes (libpthread.so.0, ...). */
static const char *wrong_home(const struct ev_file *f, const struct ev_need *n)
{
	const struct fc_home *h, *end = fc_homes + sizeof fc_homes / sizeof fc_homes[0];
	unsigned arch = home_arch(f);
	if (!arch || !n->vna || !n->version || !n->file)
		return NULL;
	h = bsearch(n->sym, fc_homes, sizeof fc_homes / sizeof fc_homes[0], sizeof fc_homes[0], home_cmp);
	if (!h)
		return NULL;
	while (h > fc_homes && strcmp(h[-1].symbol, n->sym) == 0)
		h--;
	for (; h < end && strcmp(h->symbol, n->sym) == 0; h++)
		if ((h->arches & arch) && strcmp(h->version, n->version) == 0)
			return strcmp(h->soname, n->file) == 0 ? NULL : h->soname;
	return NULL;
}

static int below_merge(const struct audit_opts *o)
{
	static const struct ev_gver v234 = { { 2, 34 }, 2 };
	return o->have_floor && ev_gver_cmp(&o->floor, &v234) < 0;
}

static int judge(const struct audit_opts *o, const struct ev_file *f, struct audit_vna *jv, struct audit_result *r)
{
	size_t i;
	r->ef = f;
	r->jv = jv;
	for (i = 0; i < f->nvna; i++) {
		judge_vna(o, &f->vna[i], &jv[i]);
		if (jv[i].cls == EV_VC_GLIBC || jv[i].cls == EV_VC_GLIBC_MARKER) {
			if (!r->have_max || ev_gver_cmp(&jv[i].v, &r->max) > 0)
				r->max = jv[i].v;
			r->have_max = 1;
		}
		if (jv[i].above)
			r->above_vers++;
	}
	for (i = 0; i < f->nneed; i++) {
		if (judge_need(r, &f->need[i]))
			r->above_syms++;
		if (r->home && (r->home[i] = wrong_home(f, &f->need[i])) != NULL)
			r->misplaced++;
	}
	return (r->above_vers || r->above_syms || r->misplaced) ? AUDIT_ABOVE : AUDIT_OK;
}

/* ---------- one file ---------- */

static int fail(const struct audit_opts *o, const char *path, const char *why)
{
	struct audit_result r;
	memset(&r, 0, sizeof r);
	r.path = path;
	r.error = why;
	r.verdict = AUDIT_ERROR;
	nfiles++;
	nerr++;
	report_file(o, &r);
	fflush(stdout); /* keep stdout and stderr in order on a terminal */
	fprintf(stderr, "%s: %s: %s\n", prog, path, why);
	return AUDIT_ERROR;
}

/* Audit one regular file.  When walking a tree, files that are not ELF are skipped silently. */
static int audit_file(const struct audit_opts *o, const char *path, int walking)
{
	int fd, rc;
	struct stat st;
	void *map;
	size_t len;
	struct ev_file f;
	struct audit_result r;
	struct audit_vna *jv = NULL;
	const char *err;

	/* O_NONBLOCK: a FIFO named on the command line must not hang us before the type check. */
	fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK);
	if (fd < 0)
		return fail(o, path, strerror(errno));
	if (fstat(fd, &st) != 0) {
		rc = fail(o, path, strerror(errno));
		close(fd);
		return rc;
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		return walking ? AUDIT_OK : fail(o, path, S_ISDIR(st.st_mode) ? "is a directory (use -r DIR)"
									: "not a regular file");
	}
	if (walking) {
		unsigned char magic[4];
		if (pread(fd, magic, 4, 0) != 4 || !ev_is_elf(magic, 4)) {
			close(fd);
			return AUDIT_OK;
		}
	}
	if (seen_add(st.st_dev, st.st_ino)) {
		close(fd);
		return AUDIT_OK;
	}
	if (st.st_size == 0) {
		close(fd);
		return fail(o, path, "empty file, not an ELF file");
	}
	if ((unsigned long long)st.st_size > (size_t)-1) {
		close(fd);
		return fail(o, path, "file too large to map");
	}
	len = (size_t)st.st_size;
	map = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (map == MAP_FAILED)
		return fail(o, path, strerror(errno));

	err = ev_parse(map, len, &f);
	if (err) {
		munmap(map, len);
		return fail(o, path, err);
	}
	memset(&r, 0, sizeof r);
	r.path = path;
	if (f.nvna && !(jv = calloc(f.nvna, sizeof *jv))) {
		ev_free(&f);
		munmap(map, len);
		return fail(o, path, "out of memory");
	}
	if (f.nneed && below_merge(o) && !(r.home = calloc(f.nneed, sizeof *r.home))) {
		free(jv);
		ev_free(&f);
		munmap(map, len);
		return fail(o, path, "out of memory");
	}
	r.verdict = judge(o, &f, jv, &r);
	nfiles++;
	if (r.verdict == AUDIT_ABOVE)
		nabove++;
	report_file(o, &r);
	free(r.home);
	free(jv);
	ev_free(&f);
	munmap(map, len);
	return r.verdict;
}

/* ---------- directory walk ---------- */

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Entries in byte order so output is deterministic.  Symbolic links are never followed while
 * walking (neither to directories nor to files): the tree's own files are what is audited. */
static int walk(const struct audit_opts *o, const char *dir)
{
	DIR *d;
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, cap = 0, i;
	int status = AUDIT_OK;

	d = opendir(dir);
	if (!d)
		return fail(o, dir, strerror(errno));
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		if (n == cap) {
			char **nn = realloc(names, (cap ? 2 * cap : 64) * sizeof *names);
			if (!nn)
				break;
			names = nn;
			cap = cap ? 2 * cap : 64;
		}
		if (!(names[n] = strdup(de->d_name)))
			break;
		n++;
	}
	if (de != NULL) /* stopped early: a partial walk must not pass silently */
		status = fail(o, dir, "out of memory");
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, cmp_str);
	for (i = 0; i < n; i++) {
		size_t dl = strlen(dir);
		char *p = malloc(dl + strlen(names[i]) + 2);
		struct stat st;
		int s = AUDIT_OK;
		if (!p) {
			s = fail(o, dir, "out of memory");
		} else {
			sprintf(p, "%s%s%s", dir, (dl && dir[dl - 1] == '/') ? "" : "/", names[i]);
			if (lstat(p, &st) != 0)
				s = fail(o, p, strerror(errno));
			else if (S_ISDIR(st.st_mode))
				s = walk(o, p);
			else if (S_ISREG(st.st_mode))
				s = audit_file(o, p, 1);
		}
		if (s > status)
			status = s;
		free(p);
		free(names[i]);
	}
	free(names);
	return status;
}

/* ---------- command line ---------- */

static void usage(FILE *to)
{
	fprintf(to,
		"Usage: %s [OPTION]... [FILE]... [-r DIR]...\n"
		"Report the glibc symbol versions that ELF files need, and check them against a floor.\n"
		"\n"
		"  -f, --floor=FLOOR      fail (exit 1) when a file needs a GLIBC_ version above FLOOR,\n"
		"                         a glibc version (2.17) or a named floor (rhel7, amzn2 ...;\n"
		"                         the table: $FLOORCOMPAT_FLOORS, default %s);\n"
		"                         GLIBC_PRIVATE and unknown GLIBC_ names always fail,\n"
		"                         GLIBC_ABI_DT_RELR counts as 2.36; below 2.34, symbols\n"
		"                         merged into libc at 2.34 must be needed from their old\n"
		"                         library (libpthread.so.0, libdl.so.2, ...); GLIBCXX_,\n"
		"                         CXXABI_ and GCC_ needs above the floor's C++ runtime fail\n"
		"      --cxx-floor=C      the C++ runtime instead of the floor's: a named floor,\n"
		"                         GLIBCXX:CXXABI:GCC versions (3.4.19:1.3.7:4.8.0), or none\n"
		"  -F, --format=FORMAT    text (default), tsv or json\n"
		"  -r, --recursive=DIR    audit every ELF regular file under DIR (may repeat);\n"
		"                         non-ELF files are skipped, symbolic links are not followed\n"
		"  -q, --quiet            only verdicts: files above the floor, and errors\n"
		"  -h, --help             show this help and exit\n"
		"  -V, --version          show the version and exit\n"
		"\n"
		"Exit status: 0 all files within the floor (or no floor), 1 some file above it,\n"
		"2 usage error or an unreadable or invalid file.\n",
		prog, floors_path());
}

static void usage_error(const char *msg, const char *arg)
{
	if (arg)
		fprintf(stderr, "%s: %s '%s'\n", prog, msg, arg);
	else
		fprintf(stderr, "%s: %s\n", prog, msg);
	fprintf(stderr, "Try '%s --help' for more information.\n", prog);
	exit(2);
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"floor", required_argument, NULL, 'f'},
		{"cxx-floor", required_argument, NULL, 'C'},
		{"format", required_argument, NULL, 'F'},
		{"recursive", required_argument, NULL, 'r'},
		{"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	/* static: still reachable when --help or a usage error leaves early */
	static char **dirs;
	struct audit_opts o;
	const char *floor_spec = NULL, *cxx_spec = NULL;
	char err[768];
	size_t ndirs = 0;
	int c, i, status = AUDIT_OK, s;

	memset(&o, 0, sizeof o);
	o.fmt = FMT_TEXT;
	dirs = calloc((size_t)argc, sizeof *dirs);
	if (!dirs)
		return 2;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":f:C:F:r:qhV", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			floor_spec = optarg;
			break;
		case 'C':
			cxx_spec = optarg;
			break;
		case 'F':
			if (strcmp(optarg, "text") == 0)
				o.fmt = FMT_TEXT;
			else if (strcmp(optarg, "tsv") == 0)
				o.fmt = FMT_TSV;
			else if (strcmp(optarg, "json") == 0)
				o.fmt = FMT_JSON;
			else
				usage_error("invalid format (expected text, tsv or json):", optarg);
			break;
		case 'r':
			dirs[ndirs++] = optarg;
			break;
		case 'q':
			o.quiet = 1;
			break;
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			printf("%s %s\n", prog, PACKAGE_VERSION);
			return 0;
		case ':':
			usage_error("option needs an argument:", argv[optind - 1]);
			break;
		default:
			usage_error("unknown option", argv[optind - 1]);
		}
	}
	if (floor_spec) {
		char v[64];
		struct ev_gver num;
		if (strlen(floor_spec) >= 64)
			usage_error("invalid floor:", floor_spec);
		if (floors_resolve(floor_spec, &o.floor, &o.cxx, err, sizeof err) != 0)
			usage_error(err, NULL);
		if (err[0])
			fprintf(stderr, "%s: %s\n", prog, err);
		ev_gver_str(&o.floor, v, sizeof v);
		if (ev_parse_gver(floor_spec, &num) == 0)
			snprintf(o.floor_str, sizeof o.floor_str, "%s", floor_spec);
		else
			snprintf(o.floor_str, sizeof o.floor_str, "%s (%s)", v, floor_spec);
		o.have_floor = 1;
	}
	if (cxx_spec) {
		if (!floor_spec)
			usage_error("--cxx-floor needs --floor", NULL);
		if (floors_cxx(cxx_spec, &o.cxx, err, sizeof err) != 0)
			usage_error(err, NULL);
	}
	if (optind >= argc && ndirs == 0)
		usage_error("no files to audit", NULL);

	report_begin(&o);
	for (i = optind; i < argc; i++) {
		s = audit_file(&o, argv[i], 0);
		if (s > status)
			status = s;
	}
	for (i = 0; (size_t)i < ndirs; i++) {
		struct stat st;
		if (stat(dirs[i], &st) != 0)
			s = fail(&o, dirs[i], strerror(errno));
		else if (!S_ISDIR(st.st_mode))
			s = fail(&o, dirs[i], "not a directory");
		else
			s = walk(&o, dirs[i]);
		if (s > status)
			status = s;
	}
	report_end(&o, nfiles, nabove, nerr, status);
	free(dirs);
	free(seen);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "%s: write error\n", prog);
		return 2;
	}
	return status;
}
