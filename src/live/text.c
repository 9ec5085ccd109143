/* text.c — line iteration and number scanning for the live/ parsers. */
#include <errno.h>
#include <string.h>

#include "live/text.h"
#include "util/util.h"

void text_lines_init(struct text_lines *it, const char *text, size_t len)
{
	it->p = text;
	it->end = text ? text + len : text;
	/* A NUL inside a /proc file ends it: nothing after it is text. */
	if (text) {
		const char *nul = memchr(text, '\0', len);
		if (nul)
			it->end = nul;
	}
}

bool text_lines_next(struct text_lines *it, const char **line, size_t *len)
{
	if (!it->p || it->p >= it->end)
		return false;
	const char *nl = memchr(it->p, '\n', (size_t)(it->end - it->p));
	const char *e = nl ? nl : it->end;
	*line = it->p;
	*len = (size_t)(e - it->p);
	it->p = nl ? nl + 1 : it->end;
	return true;
}

const struct text_key *text_key_find(const struct text_key *keys, size_t n, const char *key, size_t kl)
{
	for (size_t i = 0; i < n; i++)
		if (keys[i].len == kl && kl > 0 && keys[i].key[0] == key[0] && !memcmp(keys[i].key, key, kl))
			return &keys[i];
	return NULL;
}

bool text_kv_next(struct text_lines *it, char sep, const char **key, size_t *kl, const char **val,
		  size_t *vl)
{
	const char *line;
	size_t ll;
	while (text_lines_next(it, &line, &ll)) {
		const char *s = memchr(line, sep, ll);
		if (!s)
			continue;
		*key = line;
		*kl = (size_t)(s - line);
		*val = s + 1;
		*vl = (size_t)(line + ll - s - 1);
		return true;
	}
	return false;
}

int text_first_i64(const char *s, size_t len, int64_t *out)
{
	const char *p = s, *end = s + len;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	int64_t v;
	if (p < end && *p == '+')
		return -EINVAL;
	if (scan_i64(&p, end, &v) < 0)
		return -EINVAL;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if (end - p >= 2 && p[0] == 'k' && p[1] == 'B')
		p += 2;
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\r'))
		p++;
	if (p != end)
		return -EINVAL;
	*out = v;
	return 0;
}

void fill_na_mem(struct oom_mem *m)
{
	int64_t *p = (int64_t *)m;
	for (size_t i = 0; i < sizeof(*m) / sizeof(int64_t); i++)
		p[i] = OOM_NA;
}

/* "Node 0, zone      DMA..." → node, name; rest points after the name. */
bool text_node_zone(const char *line, size_t ll, int *node, char *name, size_t namelen,
			    const char **rest)
{
	const char *p = line, *end = line + ll;
	if (ll < 5 || memcmp(p, "Node ", 5))
		return false;
	p += 5;
	uint64_t n;
	if (scan_u64(&p, end, &n) < 0 || n > 4096)
		return false;
	if (end - p < 7 || memcmp(p, ", zone ", 7))
		return false;
	p += 7;
	while (p < end && *p == ' ')
		p++;
	const char *nm = p;
	while (p < end && *p != ' ' && *p != ',' && *p != '\t')
		p++;
	if (p == nm)
		return false;
	*node = (int)n;
	str_copy(name, namelen, nm, (size_t)(p - nm));
	*rest = p;
	return true;
}
