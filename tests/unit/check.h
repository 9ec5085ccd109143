/* check.h — the unit-test harness.  One test binary per module; each CHECK
 * counts, failures say where, and main() ends with a summary line that
 * tests/run.sh adds up:  "# passed=N failed=N skipped=N". */
#ifndef OOMKIT_CHECK_H
#define OOMKIT_CHECK_H

#include <dirent.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int check_passed, check_failed, check_skipped;
static const char *check_current = "";

#define CHECK(cond) do { \
	if (cond) check_passed++; \
	else { check_failed++; \
		printf("FAIL %s (%s:%d): %s\n", check_current, __FILE__, __LINE__, #cond); } \
} while (0)

#define CHECK_INT(a, b) do { \
	long long check_a_ = (long long)(a), check_b_ = (long long)(b); \
	if (check_a_ == check_b_) check_passed++; \
	else { check_failed++; \
		printf("FAIL %s (%s:%d): %s == %lld, expected %s == %lld\n", check_current, \
		       __FILE__, __LINE__, #a, check_a_, #b, check_b_); } \
} while (0)

#define CHECK_STR(a, b) do { \
	const char *check_a_ = (a), *check_b_ = (b); \
	if (check_a_ && check_b_ && strcmp(check_a_, check_b_) == 0) check_passed++; \
	else { check_failed++; \
		printf("FAIL %s (%s:%d): %s == \"%s\", expected \"%s\"\n", check_current, \
		       __FILE__, __LINE__, #a, check_a_ ? check_a_ : "(null)", \
		       check_b_ ? check_b_ : "(null)"); } \
} while (0)

/* A test that cannot run here says so, with the reason; it is never counted as passed. */
#define SKIP(reason) do { check_skipped++; \
	printf("skip %s: %s\n", check_current, (reason)); } while (0)

#define TEST(name) static void name(void)
#define RUN(name) do { check_current = #name; name(); } while (0)

static inline int check_summary(void)
{
	printf("# passed=%d failed=%d skipped=%d\n", check_passed, check_failed, check_skipped);
	return check_failed ? 1 : 0;
}

/* Source directory of the tests, for fixtures: tests/run.sh exports it. */
static inline const char *check_srcdir(void)
{
	const char *d = getenv("OOMKIT_SRCDIR");
	return d && *d ? d : ".";
}

static inline int check_cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names of every "*.log" in dir, sorted, in a heap array of *n heap
 * strings (free each and the array); NULL with *n 0 when dir cannot be
 * read.  No cap: a fixed one drops files silently, and which ones follows
 * readdir's order (the corpus outgrew 2048 in session 16). */
static inline char **check_list_logs(const char *dir, int *n)
{
	*n = 0;
	DIR *d = opendir(dir);
	if (!d)
		return NULL;
	char **names = NULL;
	int cap = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		size_t l = strlen(e->d_name);
		if (l <= 4 || strcmp(e->d_name + l - 4, ".log") != 0)
			continue;
		if (*n == cap) {
			cap = cap ? cap * 2 : 4096;
			char **g = realloc(names, (size_t)cap * sizeof(*names));
			if (!g) {
				fprintf(stderr, "%s: out of memory\n", dir);
				abort();
			}
			names = g;
		}
		names[(*n)++] = strdup(e->d_name);
	}
	closedir(d);
	if (*n > 1)
		qsort(names, (size_t)*n, sizeof(names[0]), check_cmp_name);
	return names;
}

/* A whole file into a NUL-terminated heap buffer (free() it), its length
 * in *len (len may be NULL); NULL when the file cannot be read.  The one
 * file reader of the tests. */
static inline char *slurp(const char *path, size_t *len)
{
	if (len)
		*len = 0;
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, n = 0, r;
	char *b = malloc(cap + 1);
	while (b && (r = fread(b + n, 1, cap - n, f)) > 0) {
		n += r;
		if (n == cap) {
			char *nb = realloc(b, (cap *= 2) + 1);
			if (!nb)
				free(b);
			b = nb;
		}
	}
	fclose(f);
	if (!b)
		return NULL;
	b[n] = '\0';
	if (len)
		*len = n;
	return b;
}

/* The tests' own reading of a live "Key:   123 kB" file (/proc/meminfo,
 * /proc/self/status) and of a one-number file, deliberately not through
 * src/live/: an oracle independent of the parsers it checks.  OOM_NA (the
 * model's "unknown", util/util.h) when absent. */
static inline int64_t check_proc_kib(const char *path, const char *key)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return INT64_MIN;
	char line[256];
	int64_t v = INT64_MIN;
	size_t kl = strlen(key);
	while (fgets(line, sizeof(line), f))
		if (strncmp(line, key, kl) == 0 && line[kl] == ':') {
			long long x;
			if (sscanf(line + kl + 1, "%lld", &x) == 1)
				v = x;
			break;
		}
	fclose(f);
	return v;
}

static inline int64_t check_proc_int(const char *path)
{
	FILE *f = fopen(path, "r");
	long long x;
	int64_t v = INT64_MIN;
	if (f && fscanf(f, "%lld", &x) == 1)
		v = x;
	if (f)
		fclose(f);
	return v;
}

/* The same for a path below the source directory ("tests/reports/x.log"). */
static inline char *slurp_src(const char *rel, size_t *len)
{
	char path[2048];
	snprintf(path, sizeof(path), "%s/%s", check_srcdir(), rel);
	return slurp(path, len);
}

#endif
