/* elfver.c: bounds-checked reader for ELF symbol-versioning data (see elfver.h).
 *
 * No libelf and no <elf.h> structures: the image may be of any class and byte order, and it
 * may be hostile, so every field is read byte by byte at a checked offset.  Offsets and sizes
 * coming from the file are handled as uint64_t and compared against the buffer length before
 * any pointer arithmetic, so no sum can wrap.
 */
#include "elfver.h"

#include <stdlib.h>
#include <string.h>

/* ELF constants we use (values from the gABI and the GNU extensions). */
#define PT_LOAD 1
#define PT_DYNAMIC 2
#define PT_INTERP 3
#define SHT_NOBITS 8
#define SHT_DYNSYM 11
#define SHT_GNU_verdef 0x6ffffffdu
#define SHT_GNU_verneed 0x6ffffffeu
#define SHT_GNU_versym 0x6fffffffu
#define DT_NULL 0
#define DT_HASH 4
#define DT_STRTAB 5
#define DT_SYMTAB 6
#define DT_STRSZ 10
#define DT_SYMENT 11
#define DT_GNU_HASH 0x6ffffef5u
#define DT_VERSYM 0x6ffffff0u
#define DT_VERDEF 0x6ffffffcu
#define DT_VERDEFNUM 0x6ffffffdu
#define DT_VERNEED 0x6ffffffeu
#define DT_VERNEEDNUM 0x6fffffffu
#define EM_S390 22
#define EM_ALPHA 0x9026
#define PN_XNUM 0xffff

#define VERNEED_SIZE 16 /* same layout in both classes */
#define VERNAUX_SIZE 16
#define VERDEF_SIZE 20
#define VERDAUX_SIZE 8

/* A checked window into the image. */
struct span {
	const unsigned char *p;
	size_t n;
};

struct img {
	const unsigned char *b;
	size_t len;
	int be;
	int is64;
	uint16_t machine;
};

static uint64_t get(const struct img *m, const unsigned char *p, unsigned width)
{
	uint64_t v = 0;
	unsigned i;
	for (i = 0; i < width; i++) {
		unsigned k = m->be ? i : width - 1 - i;
		v = (v << 8) | p[k];
	}
	return v;
}

static uint32_t g16(const struct img *m, const unsigned char *p) { return (uint32_t)get(m, p, 2); }
static uint32_t g32(const struct img *m, const unsigned char *p) { return (uint32_t)get(m, p, 4); }
/* An address-sized field: 4 bytes in ELFCLASS32, 8 in ELFCLASS64. */
static uint64_t gaddr(const struct img *m, const unsigned char *p) { return get(m, p, m->is64 ? 8 : 4); }

/* Does [off, off+size) lie inside a region of length len?  Written so that nothing wraps. */
static int fits(uint64_t len, uint64_t off, uint64_t size)
{
	return off <= len && size <= len - off;
}

/* Does count*size bytes at off fit?  (count*size itself could wrap.) */
static int fits_array(uint64_t len, uint64_t off, uint64_t count, uint64_t size)
{
	if (!fits(len, off, 0))
		return 0;
	if (size == 0)
		return 1;
	return count <= (len - off) / size;
}

static struct span sub(const struct img *m, uint64_t off, uint64_t size)
{
	struct span s;
	s.p = m->b + off;
	s.n = (size_t)size;
	return s;
}

/* A NUL-terminated string at off inside a string table, or NULL. */
static const char *str_at(struct span tab, uint64_t off)
{
	if (off >= tab.n)
		return NULL;
	if (!memchr(tab.p + off, 0, tab.n - (size_t)off))
		return NULL;
	return (const char *)tab.p + off;
}

int ev_is_elf(const unsigned char *buf, size_t len)
{
	return len >= 4 && buf[0] == 0x7f && buf[1] == 'E' && buf[2] == 'L' && buf[3] == 'F';
}

/* Everything the version pass needs, whether found via section headers or PT_DYNAMIC. */
struct dyninfo {
	int have_symtab;
	struct span sym;      /* exactly nsym * syment bytes */
	uint64_t nsym;
	uint64_t syment;
	struct span str;      /* names of the symbols */
	int have_versym;
	struct span versym;   /* at least nsym * 2 bytes */
	int have_verneed;
	struct span verneed;  /* may extend past the data: the chain decides */
	uint64_t nverneed;
	struct span verneed_str;
	int have_verdef;
	struct span verdef;
	uint64_t nverdef;
	struct span verdef_str;
};

/* ---------- version tables ---------- */

static const char *read_verneed(const struct img *m, const struct dyninfo *d, struct ev_file *f)
{
	struct span v = d->verneed;
	uint64_t off = 0, i, j, total = 0;
	/* Entries are 16 bytes and may not overlap, so this bounds the number of Vernaux. */
	uint64_t cap = v.n / VERNAUX_SIZE;

	if (d->nverneed > v.n / VERNEED_SIZE)
		return "version need count exceeds its section";
	/* First pass: count, so one allocation suffices and the second pass cannot fail. */
	for (i = 0; i < d->nverneed; i++) {
		const unsigned char *e;
		uint64_t aoff;
		uint32_t cnt;
		if (!fits(v.n, off, VERNEED_SIZE))
			return "version need entry out of range";
		e = v.p + off;
		cnt = g16(m, e + 2);
		if (!str_at(d->verneed_str, g32(m, e + 4)))
			return "bad library name in version need";
		aoff = off + g32(m, e + 8);
		for (j = 0; j < cnt; j++) {
			const unsigned char *a;
			uint32_t next;
			if (!fits(v.n, aoff, VERNAUX_SIZE))
				return "version need aux entry out of range";
			a = v.p + aoff;
			if (!str_at(d->verneed_str, g32(m, a + 8)))
				return "bad version name in version need";
			if (++total > cap)
				return "version need entries overlap";
			next = g32(m, a + 12);
			if (j + 1 < cnt) {
				/* Zero would revisit this entry forever; less than an entry overlaps. */
				if (next < VERNAUX_SIZE)
					return "version need aux chain is broken";
				aoff += next;
			}
		}
		if (i + 1 < d->nverneed) {
			uint32_t next = g32(m, e + 12);
			if (next < VERNEED_SIZE)
				return "version need chain is broken";
			off += next;
		}
	}
	if (total == 0)
		return NULL;
	f->vna = calloc((size_t)total, sizeof *f->vna);
	if (!f->vna)
		return "out of memory";
	off = 0;
	for (i = 0; i < d->nverneed; i++) {
		const unsigned char *e = v.p + off;
		uint32_t cnt = g16(m, e + 2);
		const char *file = str_at(d->verneed_str, g32(m, e + 4));
		uint64_t aoff = off + g32(m, e + 8);
		for (j = 0; j < cnt; j++) {
			const unsigned char *a = v.p + aoff;
			struct ev_vernaux *x = &f->vna[f->nvna++];
			x->name = str_at(d->verneed_str, g32(m, a + 8));
			x->file = file;
			x->flags = (uint16_t)g16(m, a + 4);
			x->other = (uint16_t)g16(m, a + 6);
			aoff += g32(m, a + 12);
		}
		off += g32(m, e + 12);
	}
	return NULL;
}

static const char *read_verdef(const struct img *m, const struct dyninfo *d, struct ev_file *f)
{
	struct span v = d->verdef;
	uint64_t off = 0, i;

	if (d->nverdef == 0)
		return NULL;
	if (d->nverdef > v.n / VERDEF_SIZE)
		return "version definition count exceeds its section";
	f->vd = calloc((size_t)d->nverdef, sizeof *f->vd);
	if (!f->vd)
		return "out of memory";
	for (i = 0; i < d->nverdef; i++) {
		const unsigned char *e;
		struct ev_verdef *x;
		if (!fits(v.n, off, VERDEF_SIZE))
			return "version definition entry out of range";
		e = v.p + off;
		x = &f->vd[f->nvd++];
		x->flags = (uint16_t)g16(m, e + 2);
		x->ndx = (uint16_t)g16(m, e + 4);
		if (g16(m, e + 6) > 0) { /* vd_cnt: the first Verdaux names the version */
			uint64_t aoff = off + g32(m, e + 12);
			if (!fits(v.n, aoff, VERDAUX_SIZE))
				return "version definition aux entry out of range";
			x->name = str_at(d->verdef_str, g32(m, v.p + aoff));
			if (!x->name)
				return "bad version name in version definition";
		}
		if (i + 1 < d->nverdef) {
			uint32_t next = g32(m, e + 16);
			if (next < VERDEF_SIZE)
				return "version definition chain is broken";
			off += next;
		}
	}
	return NULL;
}

/* Map .gnu.version indices to names: a small table sized by the largest index in use. */
struct vmap {
	const struct ev_verdef **def;
	struct ev_vernaux **need;
	size_t n;
};

static const char *build_vmap(struct ev_file *f, struct vmap *vm)
{
	size_t i, max = 0;
	for (i = 0; i < f->nvna; i++)
		if ((f->vna[i].other & 0x7fffu) > max)
			max = f->vna[i].other & 0x7fffu;
	for (i = 0; i < f->nvd; i++)
		if ((f->vd[i].ndx & 0x7fffu) > max)
			max = f->vd[i].ndx & 0x7fffu;
	vm->n = max + 1;
	vm->def = calloc(vm->n, sizeof *vm->def);
	vm->need = calloc(vm->n, sizeof *vm->need);
	if (!vm->def || !vm->need)
		return "out of memory";
	/* First entry wins on duplicates, like the GNU tools. */
	for (i = 0; i < f->nvd; i++) {
		size_t k = f->vd[i].ndx & 0x7fffu;
		if (!vm->def[k] && f->vd[i].name)
			vm->def[k] = &f->vd[i];
	}
	for (i = 0; i < f->nvna; i++) {
		size_t k = f->vna[i].other & 0x7fffu;
		if (!vm->need[k])
			vm->need[k] = &f->vna[i];
	}
	return NULL;
}

/* Is symbol i defined here but versioned by a Verneed entry?  ld does that for a variable it
 * copies out of a library (a copy relocation): the program needs the library's version of it. */
static int is_copy(const struct img *m, const struct dyninfo *d, const struct vmap *vm, uint64_t i)
{
	uint32_t idx;
	if (!d->have_versym)
		return 0;
	idx = g16(m, d->versym.p + i * 2) & 0x7fffu;
	return idx >= 2 && idx < vm->n && !vm->def[idx] && vm->need[idx];
}

static const char *read_symbols(const struct img *m, const struct dyninfo *d, struct ev_file *f)
{
	uint64_t i, nneed = 0;
	struct vmap vm = {NULL, NULL, 0};
	const char *err = NULL;
	unsigned shndx_off = m->is64 ? 6 : 14, info_off = m->is64 ? 4 : 12;

	if (d->have_versym && (err = build_vmap(f, &vm)) != NULL)
		goto out;
	for (i = 1; i < d->nsym; i++)
		if (g16(m, d->sym.p + i * d->syment + shndx_off) == 0 || is_copy(m, d, &vm, i))
			nneed++;
	if (nneed == 0)
		goto out;
	f->need = calloc((size_t)nneed, sizeof *f->need);
	if (!f->need) {
		err = "out of memory";
		goto out;
	}
	for (i = 1; i < d->nsym; i++) {
		const unsigned char *s = d->sym.p + i * d->syment;
		struct ev_need *n;
		int copy = 0;
		if (g16(m, s + shndx_off) != 0 && !(copy = is_copy(m, d, &vm, i)))
			continue;
		n = &f->need[f->nneed++];
		n->copy = (unsigned char)copy;
		n->sym = str_at(d->str, g32(m, s));
		if (!n->sym) {
			err = "bad symbol name offset or unterminated string table";
			goto out;
		}
		n->bind = (unsigned char)(s[info_off] >> 4);
		if (d->have_versym) {
			uint32_t vs = g16(m, d->versym.p + i * 2), idx = vs & 0x7fffu;
			n->hidden = (vs & 0x8000u) != 0;
			if (idx >= 2) {
				/* 0 is local and 1 the unversioned base; the rest must name something. */
				if (idx < vm.n && vm.def[idx]) {
					n->version = vm.def[idx]->name;
				} else if (idx < vm.n && vm.need[idx]) {
					n->vna = vm.need[idx];
					n->version = vm.need[idx]->name;
					n->file = vm.need[idx]->file;
					vm.need[idx]->nsyms++;
				} else {
					err = "symbol version index names no version";
					goto out;
				}
			}
		}
		if (!n->version)
			f->nunversioned++;
	}
out:
	free(vm.def);
	free(vm.need);
	return err;
}

static const char *read_versions(const struct img *m, const struct dyninfo *d, struct ev_file *f)
{
	const char *err;
	f->ndynsym = (size_t)d->nsym;
	f->status = (d->have_versym || d->have_verneed || d->have_verdef) ? EV_VERSIONED : EV_UNVERSIONED;
	if (d->have_verneed && (err = read_verneed(m, d, f)) != NULL)
		return err;
	if (d->have_verdef && (err = read_verdef(m, d, f)) != NULL)
		return err;
	return read_symbols(m, d, f);
}

/* ---------- section headers ---------- */

struct shdr {
	uint32_t type, link, info;
	uint64_t offset, size, entsize;
};

struct shtab {
	const unsigned char *p;
	uint64_t n;
	uint64_t entsize;
};

static void get_shdr(const struct img *m, const struct shtab *t, uint64_t i, struct shdr *h)
{
	const unsigned char *p = t->p + i * t->entsize;
	h->type = g32(m, p + 4);
	if (m->is64) {
		h->offset = gaddr(m, p + 24);
		h->size = gaddr(m, p + 32);
		h->link = g32(m, p + 40);
		h->info = g32(m, p + 44);
		h->entsize = gaddr(m, p + 56);
	} else {
		h->offset = g32(m, p + 16);
		h->size = g32(m, p + 20);
		h->link = g32(m, p + 24);
		h->info = g32(m, p + 28);
		h->entsize = g32(m, p + 36);
	}
}

/* The file bytes of section i; 0 if they lie outside the file.  NOBITS sections have none. */
static int section_span(const struct img *m, const struct shtab *t, uint64_t i, struct shdr *h, struct span *s)
{
	get_shdr(m, t, i, h);
	if (h->type == SHT_NOBITS) {
		s->p = m->b;
		s->n = 0;
		return 1;
	}
	if (!fits(m->len, h->offset, h->size))
		return 0;
	*s = sub(m, h->offset, h->size);
	return 1;
}

static const char *strtab_of(const struct img *m, const struct shtab *t, uint32_t link, struct span *s)
{
	struct shdr h;
	if (link >= t->n)
		return "section link out of range";
	get_shdr(m, t, link, &h);
	if (h.type == SHT_NOBITS || !fits(m->len, h.offset, h.size))
		return "string table outside the file";
	*s = sub(m, h.offset, h.size);
	return NULL;
}

static const char *from_sections(const struct img *m, const struct shtab *t, struct ev_file *f)
{
	struct dyninfo d;
	struct shdr h;
	uint64_t i, isym = 0, ivs = 0, ivn = 0, ivd = 0;
	const char *err;
	uint64_t minent = m->is64 ? 24 : 16;

	memset(&d, 0, sizeof d);
	for (i = 1; i < t->n; i++) {
		uint32_t type = g32(m, t->p + i * t->entsize + 4);
		if (type == SHT_DYNSYM && !isym)
			isym = i;
		else if (type == SHT_GNU_versym && !ivs)
			ivs = i;
		else if (type == SHT_GNU_verneed && !ivn)
			ivn = i;
		else if (type == SHT_GNU_verdef && !ivd)
			ivd = i;
	}
	if (!isym) {
		f->status = EV_STATIC;
		return NULL;
	}
	get_shdr(m, t, isym, &h);
	if (h.type == SHT_NOBITS || !fits(m->len, h.offset, h.size))
		return "dynamic symbol table outside the file";
	d.syment = h.entsize ? h.entsize : minent;
	if (d.syment < minent)
		return "bad dynamic symbol entry size";
	d.nsym = h.size / d.syment;
	d.sym = sub(m, h.offset, d.nsym * d.syment);
	d.have_symtab = 1;
	if ((err = strtab_of(m, t, h.link, &d.str)) != NULL)
		return err;
	if (ivs) {
		if (!section_span(m, t, ivs, &h, &d.versym))
			return "version table outside the file";
		if (d.versym.n / 2 < d.nsym)
			return "version table shorter than the dynamic symbol table";
		d.have_versym = 1;
	}
	if (ivn) {
		if (!section_span(m, t, ivn, &h, &d.verneed) || h.type == SHT_NOBITS)
			return "version need section outside the file";
		d.nverneed = h.info;
		if ((err = strtab_of(m, t, h.link, &d.verneed_str)) != NULL)
			return err;
		d.have_verneed = 1;
	}
	if (ivd) {
		if (!section_span(m, t, ivd, &h, &d.verdef) || h.type == SHT_NOBITS)
			return "version definition section outside the file";
		d.nverdef = h.info;
		if ((err = strtab_of(m, t, h.link, &d.verdef_str)) != NULL)
			return err;
		d.have_verdef = 1;
	}
	return read_versions(m, &d, f);
}

/* ---------- program headers / dynamic segment fallback ---------- */

struct phdr {
	uint32_t type;
	uint64_t offset, vaddr, filesz;
};

struct phtab {
	const unsigned char *p;
	uint64_t n;
	uint64_t entsize;
};

static void get_phdr(const struct img *m, const struct phtab *t, uint64_t i, struct phdr *h)
{
	const unsigned char *p = t->p + i * t->entsize;
	h->type = g32(m, p);
	if (m->is64) {
		h->offset = gaddr(m, p + 8);
		h->vaddr = gaddr(m, p + 16);
		h->filesz = gaddr(m, p + 32);
	} else {
		h->offset = g32(m, p + 4);
		h->vaddr = g32(m, p + 8);
		h->filesz = g32(m, p + 16);
	}
}

/* The file bytes from virtual address a to the end of its PT_LOAD segment (clipped to the file). */
static int vaddr_span(const struct img *m, const struct phtab *t, uint64_t a, struct span *s)
{
	uint64_t i;
	for (i = 0; i < t->n; i++) {
		struct phdr h;
		uint64_t delta, off, avail;
		get_phdr(m, t, i, &h);
		if (h.type != PT_LOAD || a < h.vaddr || a - h.vaddr >= h.filesz)
			continue;
		delta = a - h.vaddr;
		if (h.offset > m->len || delta > m->len - h.offset)
			return 0;
		off = h.offset + delta;
		avail = h.filesz - delta;
		if (avail > m->len - off)
			avail = m->len - off;
		*s = sub(m, off, avail);
		return 1;
	}
	return 0;
}

/* Symbol count from DT_GNU_HASH: one past the highest index reachable through the chains. */
static const char *gnu_hash_count(const struct img *m, struct span h, uint64_t *count)
{
	uint64_t nb, symoff, bloom, i, maxidx = 0, bloomsz = m->is64 ? 8 : 4, base;
	if (h.n < 16)
		return "GNU hash table truncated";
	nb = g32(m, h.p);
	symoff = g32(m, h.p + 4);
	bloom = g32(m, h.p + 8);
	if (!fits_array(h.n, 16, bloom, bloomsz))
		return "GNU hash table truncated";
	base = 16 + bloom * bloomsz;
	if (!fits_array(h.n, base, nb, 4))
		return "GNU hash table truncated";
	for (i = 0; i < nb; i++) {
		uint64_t b = g32(m, h.p + base + i * 4);
		if (b > maxidx)
			maxidx = b;
	}
	if (maxidx < symoff) {
		*count = symoff;
		return NULL;
	}
	base += nb * 4;
	/* Each step moves forward one word, so the walk ends within the span. */
	for (;;) {
		uint64_t c = base + (maxidx - symoff) * 4;
		if ((maxidx - symoff) > (h.n - base) / 4 || !fits(h.n, c, 4))
			return "GNU hash chain runs past its segment";
		if (g32(m, h.p + c) & 1)
			break;
		maxidx++;
	}
	*count = maxidx + 1;
	return NULL;
}

static const char *from_dynamic(const struct img *m, const struct phtab *pt, uint64_t idyn, struct ev_file *f)
{
	struct phdr dp;
	struct dyninfo d;
	uint64_t entsz = m->is64 ? 16 : 8, i, n;
	uint64_t strtab = 0, symtab = 0, strsz = 0, syment = 0, hash = 0, gnuhash = 0;
	uint64_t versym = 0, verneed = 0, verneednum = 0, verdef = 0, verdefnum = 0;
	int hstr = 0, hsym = 0, hstrsz = 0;
	uint64_t minent = m->is64 ? 24 : 16;
	struct span s;
	const char *err;

	memset(&d, 0, sizeof d);
	f->from_dynamic = 1;
	get_phdr(m, pt, idyn, &dp);
	if (!fits(m->len, dp.offset, dp.filesz))
		return "dynamic segment outside the file";
	n = dp.filesz / entsz;
	for (i = 0; i < n; i++) {
		const unsigned char *p = m->b + dp.offset + i * entsz;
		uint64_t tag = gaddr(m, p), val = gaddr(m, p + entsz / 2);
		if (tag == DT_NULL)
			break;
		switch (tag) {
		case DT_STRTAB: strtab = val; hstr = 1; break;
		case DT_SYMTAB: symtab = val; hsym = 1; break;
		case DT_STRSZ: strsz = val; hstrsz = 1; break;
		case DT_SYMENT: syment = val; break;
		case DT_HASH: hash = val; break;
		case DT_GNU_HASH: gnuhash = val; break;
		case DT_VERSYM: versym = val; d.have_versym = 1; break;
		case DT_VERNEED: verneed = val; d.have_verneed = 1; break;
		case DT_VERNEEDNUM: verneednum = val; break;
		case DT_VERDEF: verdef = val; d.have_verdef = 1; break;
		case DT_VERDEFNUM: verdefnum = val; break;
		default: break;
		}
	}
	if (!hsym) {
		f->status = EV_UNVERSIONED;
		return NULL;
	}
	if (!hstr || !hstrsz)
		return "dynamic segment lacks DT_STRTAB or DT_STRSZ";
	if (!vaddr_span(m, pt, strtab, &s) || strsz > s.n)
		return "dynamic string table outside the file";
	d.str.p = s.p;
	d.str.n = (size_t)strsz;
	d.syment = syment ? syment : minent;
	if (d.syment < minent)
		return "bad dynamic symbol entry size";
	if (gnuhash) {
		if (!vaddr_span(m, pt, gnuhash, &s))
			return "GNU hash table outside the file";
		if ((err = gnu_hash_count(m, s, &d.nsym)) != NULL)
			return err;
	} else if (hash) {
		/* s390x and alpha use 64-bit hash words; everyone else 32-bit. */
		unsigned w = (m->is64 && (m->machine == EM_S390 || m->machine == EM_ALPHA)) ? 8 : 4;
		if (!vaddr_span(m, pt, hash, &s) || s.n < 2u * w)
			return "hash table outside the file";
		d.nsym = get(m, s.p + w, w);
	} else if (strtab > symtab) {
		/* No hash table: linkers put .dynstr right after .dynsym, so use the gap. */
		d.nsym = (strtab - symtab) / d.syment;
	} else {
		return "dynamic segment has no hash table: symbol count unknown";
	}
	if (!vaddr_span(m, pt, symtab, &s) || d.nsym > s.n / d.syment)
		return "dynamic symbol table outside the file";
	d.sym.p = s.p;
	d.sym.n = (size_t)(d.nsym * d.syment);
	d.have_symtab = 1;
	if (d.have_versym) {
		if (!vaddr_span(m, pt, versym, &s) || d.nsym > s.n / 2)
			return "version table outside the file";
		d.versym = s;
	}
	if (d.have_verneed) {
		if (!vaddr_span(m, pt, verneed, &d.verneed))
			return "version need table outside the file";
		d.nverneed = verneednum;
		d.verneed_str = d.str;
	}
	if (d.have_verdef) {
		if (!vaddr_span(m, pt, verdef, &d.verdef))
			return "version definition table outside the file";
		d.nverdef = verdefnum;
		d.verdef_str = d.str;
	}
	return read_versions(m, &d, f);
}

/* ---------- entry point ---------- */

static const char *parse(const unsigned char *buf, size_t len, struct ev_file *f)
{
	struct img m;
	struct shtab st = {NULL, 0, 0};
	struct phtab pt = {NULL, 0, 0};
	uint64_t phoff, shoff, phnum, shnum, i, idyn = 0;
	unsigned phentsize, shentsize, ehsize;
	int have_dyn = 0;
	const char *err = NULL;

	if (!ev_is_elf(buf, len))
		return "not an ELF file";
	if (len < 16)
		return "truncated ELF header";
	if (buf[4] != 1 && buf[4] != 2)
		return "unsupported ELF class";
	if (buf[5] != 1 && buf[5] != 2)
		return "unsupported ELF byte order";
	m.b = buf;
	m.len = len;
	m.is64 = buf[4] == 2;
	m.be = buf[5] == 2;
	ehsize = m.is64 ? 64 : 52;
	if (len < ehsize)
		return "truncated ELF header";
	f->elfclass = m.is64 ? 64 : 32;
	f->big_endian = (unsigned)m.be;
	f->type = (uint16_t)g16(&m, buf + 16);
	f->machine = (uint16_t)g16(&m, buf + 18);
	m.machine = f->machine;
	phoff = gaddr(&m, buf + (m.is64 ? 32 : 28));
	shoff = gaddr(&m, buf + (m.is64 ? 40 : 32));
	phentsize = g16(&m, buf + (m.is64 ? 54 : 42));
	phnum = g16(&m, buf + (m.is64 ? 56 : 44));
	shentsize = g16(&m, buf + (m.is64 ? 58 : 46));
	shnum = g16(&m, buf + (m.is64 ? 60 : 48));

	if (phnum == PN_XNUM && shoff != 0) {
		/* Extended numbering: the real count sits in section 0's sh_info. */
		struct shtab t0;
		struct shdr h0;
		if (shentsize < (m.is64 ? 64u : 40u) || !fits(len, shoff, shentsize))
			return "truncated section header table";
		t0.p = buf + shoff;
		t0.n = 1;
		t0.entsize = shentsize;
		get_shdr(&m, &t0, 0, &h0);
		phnum = h0.info;
	}
	if (phnum != 0 && phoff != 0) {
		if (phentsize < (m.is64 ? 56u : 32u))
			return "bad program header entry size";
		if (!fits_array(len, phoff, phnum, phentsize))
			return "truncated program header table";
		pt.p = buf + phoff;
		pt.n = phnum;
		pt.entsize = phentsize;
		for (i = 0; i < pt.n; i++) {
			struct phdr h;
			get_phdr(&m, &pt, i, &h);
			if (h.type == PT_INTERP)
				f->has_interp = 1;
			else if (h.type == PT_DYNAMIC && !have_dyn) {
				have_dyn = 1;
				idyn = i;
			}
		}
	}
	if (shoff != 0) {
		if (shentsize < (m.is64 ? 64u : 40u))
			return "bad section header entry size";
		if (!fits(len, shoff, shentsize))
			return "truncated section header table";
		st.p = buf + shoff;
		st.entsize = shentsize;
		if (shnum == 0) {
			/* Extended numbering: the real count sits in section 0's sh_size. */
			struct shdr h0;
			st.n = 1;
			get_shdr(&m, &st, 0, &h0);
			shnum = h0.size;
		}
		if (!fits_array(len, shoff, shnum, shentsize))
			return "truncated section header table";
		st.n = shnum;
	}
	if (st.n > 0)
		err = from_sections(&m, &st, f);
	else if (have_dyn)
		err = from_dynamic(&m, &pt, idyn, f);
	else
		f->status = EV_STATIC;
	/* A static PIE carries an empty .dynsym for its self-relocation: static all the same. */
	if (!err && !f->has_interp && f->ndynsym <= 1 && f->nvna == 0 && f->nvd == 0)
		f->status = EV_STATIC;
	return err;
}

const char *ev_parse(const unsigned char *buf, size_t len, struct ev_file *out)
{
	const char *err;
	memset(out, 0, sizeof *out);
	err = parse(buf, len, out);
	if (err)
		ev_free(out);
	return err;
}

void ev_free(struct ev_file *f)
{
	free(f->vna);
	free(f->vd);
	free(f->need);
	memset(f, 0, sizeof *f);
}
