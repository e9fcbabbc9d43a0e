/* elfver: read the GNU symbol-versioning data of one ELF image held in memory.
 *
 * The parser trusts nothing in the image: every offset, size, count and string is checked
 * against the buffer, so it can be fed arbitrary bytes (the libFuzzer harness does exactly
 * that).  It never writes to the buffer and keeps pointers into it, so the buffer must outlive
 * the result.
 */
#ifndef FLOORCOMPAT_ELFVER_H
#define FLOORCOMPAT_ELFVER_H

#include <stddef.h>
#include <stdint.h>

enum ev_status {
	EV_STATIC,      /* no dynamic symbol table at all */
	EV_UNVERSIONED, /* dynamic symbols, but no .gnu.version* data */
	EV_VERSIONED
};

/* One version that the file needs from one library (an Elf_Vernaux with its Elf_Verneed). */
struct ev_vernaux {
	const char *name;  /* e.g. "GLIBC_2.34" */
	const char *file;  /* vn_file of the owning Verneed, e.g. "libc.so.6" */
	uint16_t other;    /* the index that .gnu.version entries use for it */
	uint16_t flags;    /* VER_FLG_WEAK (2) marks a weak version reference */
	size_t nsyms;      /* undefined dynamic symbols bound to this version */
};

#define EV_VER_FLG_WEAK 0x2

/* One version the file itself defines (Elf_Verdef, named by its first Verdaux). */
struct ev_verdef {
	const char *name;
	uint16_t ndx;
	uint16_t flags;    /* VER_FLG_BASE (1) marks the file's own soname entry */
};

/* One undefined dynamic symbol.  Kept per symbol, with the library its version comes from,
 * so that later checks (e.g. "before glibc 2.34 this symbol lived in libpthread") can work on
 * (symbol, version, library) triples without re-reading the file. */
struct ev_need {
	const char *sym;
	const char *version;             /* NULL when unversioned */
	const char *file;                /* NULL when unversioned or bound to a definition */
	const struct ev_vernaux *vna;    /* NULL unless the version is a Verneed entry */
	unsigned char bind;              /* STB_LOCAL 0, STB_GLOBAL 1, STB_WEAK 2, ... */
	unsigned char hidden;            /* bit 15 of the .gnu.version entry */
	unsigned char copy;              /* defined here yet bound to a needed version: the copy
	                                    relocation of a library's variable (stdout, signgam) */
};

struct ev_file {
	unsigned elfclass;               /* 32 or 64 */
	unsigned big_endian;
	uint16_t type;                   /* ET_EXEC, ET_DYN, ... */
	uint16_t machine;
	unsigned has_interp;             /* a PT_INTERP segment exists */
	unsigned from_dynamic;           /* no section headers: data found via PT_DYNAMIC */
	enum ev_status status;
	size_t ndynsym;                  /* entries in the dynamic symbol table, incl. index 0 */
	size_t nunversioned;             /* undefined symbols without a version */
	struct ev_vernaux *vna;
	size_t nvna;
	struct ev_verdef *vd;
	size_t nvd;
	struct ev_need *need;            /* in dynamic symbol table order */
	size_t nneed;
};

/* Parse buf[0..len).  Returns NULL on success (then call ev_free), or a short static message
 * such as "truncated section header table" (then *out holds nothing to free). */
const char *ev_parse(const unsigned char *buf, size_t len, struct ev_file *out);
void ev_free(struct ev_file *f);

/* Is this the start of an ELF file?  (Cheap test for directory walks.) */
int ev_is_elf(const unsigned char *buf, size_t len);

/* ---- version names (vername.c) ---- */

enum ev_vclass {
	EV_VC_GLIBC,          /* GLIBC_x.y[.z]: numeric, judged against a floor */
	EV_VC_GLIBC_MARKER,   /* GLIBC_ABI_DT_RELR: a feature marker with a known first release */
	EV_VC_GLIBC_PRIVATE,  /* GLIBC_PRIVATE: internal, never portable */
	EV_VC_GLIBC_UNKNOWN,  /* another GLIBC_ name we cannot place in time */
	EV_VC_GLIBCXX,
	EV_VC_CXXABI,
	EV_VC_GCC,
	EV_VC_OTHER
};

#define EV_VPARTS 4
struct ev_gver {
	unsigned long part[EV_VPARTS];   /* missing trailing parts are 0: 2.17 == 2.17.0 */
	unsigned n;
};

/* Classify a version name; for EV_VC_GLIBC and EV_VC_GLIBC_MARKER fill *v (may be NULL). */
enum ev_vclass ev_classify(const char *name, struct ev_gver *v);
const char *ev_vclass_name(enum ev_vclass c);

/* Parse "X.Y" or "X.Y.Z" (digits only).  Returns 0 on success, -1 if malformed. */
int ev_parse_gver(const char *s, struct ev_gver *v);
int ev_gver_cmp(const struct ev_gver *a, const struct ev_gver *b);
/* Format as "2.17" / "2.2.5" into buf (at least 64 bytes). */
void ev_gver_str(const struct ev_gver *v, char *buf, size_t size);

#endif
