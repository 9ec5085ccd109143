/* pattern.c — POSIX extended regular expressions in linear time, no
 * allocation (see pattern.h for why not libc's).
 *
 * The compiler is recursive descent that emits code for a Pike/Thompson
 * VM as it parses (Russ Cox, "Regular Expression Matching: the Virtual
 * Machine Approach").  Every construct leaves a self-contained block at the
 * end of the program, so a postfix operator wraps the block just emitted:
 * it inserts a SPLIT in front of it, or copies it for {m,n}.  Copies are
 * checked against PAT_MAX_INST before they are made, so no pattern costs
 * more than that to compile, however its counts nest.
 *
 * The matcher keeps the set of live states per position of the subject;
 * each state is visited at most once per position, so empty loops such as
 * (a*)* terminate and the cost is O(len(subject) × steps). */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "guard/pattern.h"

enum {
	OP_CHAR = 1, OP_ANY, OP_CLASS, /* consume one byte */
	OP_BOL, OP_EOL, OP_WORDB, OP_NWORDB, OP_WBEG, OP_WEND, /* assertions */
	OP_SPLIT, OP_JMP, OP_MATCH,
};

#define NO_TARGET 0xffff

struct comp {
	struct pat_pool *pp;
	const char *s;
	unsigned base;      /* the pattern's first step in the pool */
	unsigned n;         /* steps emitted so far */
	unsigned cap;       /* steps this pattern may use */
	int depth;
	char *err;
	size_t errlen;
	bool failed;
};

static void fail(struct comp *c, const char *msg)
{
	if (!c->failed)
		snprintf(c->err, c->errlen, "%s", msg);
	c->failed = true;
}

static struct pat_inst *at(struct comp *c, unsigned i)
{
	return &c->pp->inst[c->base + i];
}

static bool has_target(uint8_t op)
{
	return op == OP_SPLIT || op == OP_JMP;
}

static bool room(struct comp *c, unsigned k)
{
	if (c->n + k > c->cap) {
		fail(c, c->cap < PAT_MAX_INST && c->base + c->cap >= PAT_POOL_INST
				? "too many patterns in all (their compiled steps fill the pool)"
				: "too complex: it compiles to more than 1024 steps (large or nested {m,n} counts)");
		return false;
	}
	return true;
}

static int emit(struct comp *c, uint8_t op, uint8_t ch, unsigned x, unsigned y)
{
	if (c->failed || !room(c, 1))
		return -1;
	struct pat_inst *i = at(c, c->n);
	i->op = op;
	i->ch = ch;
	i->x = (uint16_t)x;
	i->y = (uint16_t)y;
	return (int)c->n++;
}

/* Moves [from, n) by delta steps (either way), adjusting the targets inside
 * it that point into [from, n]: a block's jumps never leave the block. */
static void move_tail(struct comp *c, unsigned from, int delta)
{
	unsigned len = c->n - from;
	memmove(at(c, (unsigned)((int)from + delta)), at(c, from), len * sizeof(struct pat_inst));
	for (unsigned k = 0; k < len; k++) {
		struct pat_inst *i = at(c, (unsigned)((int)from + delta) + k);
		if (!has_target(i->op))
			continue;
		if (i->x != NO_TARGET && i->x >= from && i->x <= c->n)
			i->x = (uint16_t)((int)i->x + delta);
		if (i->op == OP_SPLIT && i->y != NO_TARGET && i->y >= from && i->y <= c->n)
			i->y = (uint16_t)((int)i->y + delta);
	}
	c->n = (unsigned)((int)c->n + delta);
}

/* Opens one step of room at position a, in front of the block [a, n). */
static bool insert_at(struct comp *c, unsigned a)
{
	if (c->failed || !room(c, 1))
		return false;
	move_tail(c, a, 1);
	return true;
}

/* Appends a copy of the block [from, from + len). */
static bool copy_block(struct comp *c, unsigned from, unsigned len)
{
	if (c->failed || !room(c, len))
		return false;
	unsigned to = c->n;
	for (unsigned k = 0; k < len; k++) {
		struct pat_inst i = *at(c, from + k);
		if (has_target(i.op)) {
			if (i.x != NO_TARGET && i.x >= from && i.x <= from + len)
				i.x = (uint16_t)(i.x - from + to);
			if (i.op == OP_SPLIT && i.y != NO_TARGET && i.y >= from && i.y <= from + len)
				i.y = (uint16_t)(i.y - from + to);
		}
		*at(c, to + k) = i;
	}
	c->n += len;
	return true;
}

/* e*  →  a: SPLIT a+1, end;  e;  JMP a;  end: */
static void star(struct comp *c, unsigned a)
{
	if (!insert_at(c, a))
		return;
	*at(c, a) = (struct pat_inst){ OP_SPLIT, 0, (uint16_t)(a + 1), NO_TARGET };
	if (emit(c, OP_JMP, 0, a, 0) < 0)
		return;
	at(c, a)->y = (uint16_t)c->n;
}

/* e?  →  a: SPLIT a+1, end;  e;  end: */
static void quest(struct comp *c, unsigned a)
{
	if (!insert_at(c, a))
		return;
	*at(c, a) = (struct pat_inst){ OP_SPLIT, 0, (uint16_t)(a + 1), (uint16_t)c->n };
}

/* e{m,max} (max < 0: no bound) from the block [a, n): m copies, then either
 * e* or (max − m) copies each skippable to the end. */
static void interval(struct comp *c, unsigned a, int m, int max)
{
	unsigned len = c->n - a;
	if (m == 1 && max == 1)
		return;
	if (max == 0) {
		c->n = a;
		return;
	}
	/* The block stays in place as the template until the copies are made. */
	for (int k = 0; k < m; k++)
		if (!copy_block(c, a, len))
			return;
	if (max < 0) {
		unsigned s = c->n;
		if (!copy_block(c, a, len))
			return;
		star(c, s);
	} else {
		unsigned first = c->n;
		for (int k = m; k < max; k++) {
			if (emit(c, OP_SPLIT, 0, c->n + 1, NO_TARGET) < 0 || !copy_block(c, a, len))
				return;
		}
		for (unsigned k = first; k < c->n; k++) {
			struct pat_inst *i = at(c, k);
			if (i->op == OP_SPLIT && i->y == NO_TARGET)
				i->y = (uint16_t)c->n;
		}
	}
	if (!c->failed)
		move_tail(c, a + len, -(int)len);
}

static bool is_word(int ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
	       ch == '_';
}

/* The C locale's classes (glibc's regcomp in the "C" locale). */
static bool in_named_class(const char *name, size_t len, int ch)
{
#define IS(s) (len == sizeof(s) - 1 && !memcmp(name, s, len))
	bool upper = ch >= 'A' && ch <= 'Z', lower = ch >= 'a' && ch <= 'z';
	bool digit = ch >= '0' && ch <= '9';
	bool graph = ch > 0x20 && ch < 0x7f;
	if (IS("alpha"))
		return upper || lower;
	if (IS("digit"))
		return digit;
	if (IS("alnum"))
		return upper || lower || digit;
	if (IS("upper"))
		return upper;
	if (IS("lower"))
		return lower;
	if (IS("space"))
		return ch == ' ' || (ch >= '\t' && ch <= '\r');
	if (IS("blank"))
		return ch == ' ' || ch == '\t';
	if (IS("punct"))
		return graph && !upper && !lower && !digit;
	if (IS("print"))
		return graph || ch == ' ';
	if (IS("graph"))
		return graph;
	if (IS("cntrl"))
		return ch < 0x20 || ch == 0x7f;
	if (IS("xdigit"))
		return digit || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
	return false;
#undef IS
}

static bool known_class(const char *name, size_t len)
{
	static const char *const names[] = { "alpha", "digit", "alnum", "upper", "lower", "space",
					     "blank", "punct", "print", "graph", "cntrl", "xdigit" };
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strlen(names[i]) == len && !memcmp(names[i], name, len))
			return true;
	return false;
}

static void set_bit(uint8_t *set, int ch)
{
	set[ch >> 3] |= (uint8_t)(1u << (ch & 7));
}

/* Stores a byte set in the pool (sharing an identical one of the same
 * pattern) and emits the step that tests it. */
static void emit_class(struct comp *c, const uint8_t set[32], unsigned first_class)
{
	struct pat_pool *pp = c->pp;
	unsigned idx = pp->nclass;
	for (unsigned k = first_class; k < pp->nclass; k++)
		if (!memcmp(pp->cls[k], set, 32)) {
			idx = k;
			break;
		}
	if (idx == pp->nclass) {
		if (pp->nclass >= PAT_POOL_CLASSES) {
			fail(c, "too many bracket expressions in all patterns (at most 128)");
			return;
		}
		memcpy(pp->cls[pp->nclass++], set, 32);
	}
	emit(c, OP_CLASS, 0, idx, 0);
}

/* One element of a bracket expression that can end a range: a byte, or
 * [.c.] / [=c=] naming one byte.  Returns the byte, or -1 after fail(). */
static int bracket_char(struct comp *c)
{
	const char *s = c->s;
	if (s[0] == '[' && (s[1] == '.' || s[1] == '=')) {
		char kind = s[1];
		const char *e = s + 2;
		while (*e && !(e[0] == kind && e[1] == ']'))
			e++;
		if (!*e) {
			fail(c, "unterminated [. or [= in a bracket expression");
			return -1;
		}
		if (e - (s + 2) != 1) {
			fail(c, "only single characters are supported in [. .] and [= =]");
			return -1;
		}
		c->s = e + 2;
		return (unsigned char)s[2];
	}
	if (!*s) {
		fail(c, "unmatched [");
		return -1;
	}
	c->s = s + 1;
	return (unsigned char)s[0];
}

static void bracket(struct comp *c, unsigned first_class)
{
	uint8_t set[32] = { 0 };
	bool neg = false;
	if (*c->s == '^') {
		neg = true;
		c->s++;
	}
	bool first = true;
	for (;;) {
		const char *s = c->s;
		if (!*s) {
			fail(c, "unmatched [");
			return;
		}
		if (*s == ']' && !first) {
			c->s++;
			break;
		}
		first = false;
		if (s[0] == '[' && s[1] == ':') {
			const char *e = s + 2;
			while (*e && !(e[0] == ':' && e[1] == ']'))
				e++;
			if (!*e || !known_class(s + 2, (size_t)(e - (s + 2)))) {
				fail(c, "unknown character class (expected [:alpha:], [:digit:], [:space:] …)");
				return;
			}
			for (int ch = 1; ch < 256; ch++)
				if (in_named_class(s + 2, (size_t)(e - (s + 2)), ch))
					set_bit(set, ch);
			c->s = e + 2;
			continue;
		}
		int lo = bracket_char(c);
		if (lo < 0)
			return;
		if (c->s[0] == '-' && c->s[1] && c->s[1] != ']') {
			c->s++;
			if (c->s[0] == '[' && c->s[1] == ':') {
				fail(c, "a character class cannot end a range");
				return;
			}
			int hi = bracket_char(c);
			if (hi < 0)
				return;
			if (hi < lo) {
				fail(c, "invalid range end in a bracket expression");
				return;
			}
			for (int ch = lo; ch <= hi; ch++)
				set_bit(set, ch);
			if (c->s[0] == '-' && c->s[1] != ']') {
				fail(c, "invalid range in a bracket expression (a-c-e)");
				return;
			}
		} else {
			set_bit(set, lo);
		}
	}
	if (neg)
		for (int k = 0; k < 32; k++)
			set[k] = (uint8_t)~set[k];
	set[0] &= (uint8_t)~1u;     /* never the terminating NUL */
	emit_class(c, set, first_class);
}

static void alternation(struct comp *c, unsigned first_class);

static void atom(struct comp *c, unsigned first_class)
{
	char ch = *c->s;
	switch (ch) {
	case '(':
		c->s++;
		if (++c->depth > 100) {
			fail(c, "parentheses nested too deep (at most 100)");
			return;
		}
		alternation(c, first_class);
		if (c->failed)
			return;
		if (*c->s != ')') {
			fail(c, "unmatched (");
			return;
		}
		c->s++;
		c->depth--;
		return;
	case '[':
		c->s++;
		bracket(c, first_class);
		return;
	case '.':
		c->s++;
		emit(c, OP_ANY, 0, 0, 0);
		return;
	case '^':
		c->s++;
		emit(c, OP_BOL, 0, 0, 0);
		return;
	case '$':
		c->s++;
		emit(c, OP_EOL, 0, 0, 0);
		return;
	case '*':
	case '+':
	case '?':
	case '{':
		fail(c, "a repetition (* + ? {}) with nothing before it to repeat");
		return;
	case '\\': {
		char e = c->s[1];
		if (!e) {
			fail(c, "trailing backslash");
			return;
		}
		c->s += 2;
		if (e >= '1' && e <= '9') {
			fail(c, "back-references (\\1 … \\9) are not supported: they make matching exponential");
			return;
		}
		uint8_t set[32] = { 0 };
		switch (e) {
		case 'w':
		case 'W':
		case 's':
		case 'S':
			for (int k = 1; k < 256; k++) {
				bool in = (e == 'w' || e == 'W') ? is_word(k) : in_named_class("space", 5, k);
				if (in == (e == 'w' || e == 's'))
					set_bit(set, k);
			}
			emit_class(c, set, first_class);
			return;
		case 'b':
			emit(c, OP_WORDB, 0, 0, 0);
			return;
		case 'B':
			emit(c, OP_NWORDB, 0, 0, 0);
			return;
		case '<':
			emit(c, OP_WBEG, 0, 0, 0);
			return;
		case '>':
			emit(c, OP_WEND, 0, 0, 0);
			return;
		case '`':
			emit(c, OP_BOL, 0, 0, 0);
			return;
		case '\'':
			emit(c, OP_EOL, 0, 0, 0);
			return;
		default:
			emit(c, OP_CHAR, (uint8_t)e, 0, 0);
			return;
		}
	}
	default:
		c->s++;
		emit(c, OP_CHAR, (uint8_t)ch, 0, 0);
		return;
	}
}

/* {m}, {m,}, {m,n}, {,n} after the '{'.  Returns false after fail(). */
static bool interval_bounds(struct comp *c, int *m, int *max)
{
	const char *s = c->s;
	long lo = -1, hi;
	if (*s >= '0' && *s <= '9') {
		lo = 0;
		while (*s >= '0' && *s <= '9') {
			lo = lo * 10 + (*s++ - '0');
			if (lo > PAT_MAX_REPEAT)
				goto too_big;
		}
	}
	if (*s == ',') {
		s++;
		hi = -1;
		if (*s >= '0' && *s <= '9') {
			hi = 0;
			while (*s >= '0' && *s <= '9') {
				hi = hi * 10 + (*s++ - '0');
				if (hi > PAT_MAX_REPEAT)
					goto too_big;
			}
		}
		if (lo < 0)
			lo = 0;
	} else {
		if (lo < 0) {
			fail(c, "bad repetition count in {}: expected {m}, {m,}, {m,n} or {,n}");
			return false;
		}
		hi = lo;
	}
	if (*s != '}') {
		fail(c, "bad repetition count in {}: expected {m}, {m,}, {m,n} or {,n}");
		return false;
	}
	if (hi >= 0 && hi < lo) {
		fail(c, "bad repetition count in {m,n}: n is smaller than m");
		return false;
	}
	c->s = s + 1;
	*m = (int)lo;
	*max = (int)hi;
	return true;
too_big:
	fail(c, "repetition count in {} too large (at most 1000)");
	return false;
}

static void repetition(struct comp *c, unsigned first_class)
{
	unsigned a = c->n;
	atom(c, first_class);
	/* An anchor repeated ("^*", "$+") is an error in glibc's ERE too. */
	if (!c->failed && c->n == a + 1 && at(c, a)->op >= OP_BOL && at(c, a)->op <= OP_WEND &&
	    (*c->s == '*' || *c->s == '+' || *c->s == '?' || *c->s == '{')) {
		fail(c, "an anchor (^ $ \\b \\< \\>) cannot be repeated");
		return;
	}
	while (!c->failed) {
		char op = *c->s;
		if (op == '*') {
			c->s++;
			star(c, a);
		} else if (op == '+') {
			/* e+  →  a: e;  SPLIT a, end */
			c->s++;
			emit(c, OP_SPLIT, 0, a, c->n + 1);
		} else if (op == '?') {
			c->s++;
			quest(c, a);
		} else if (op == '{') {
			c->s++;
			int m, max;
			if (!interval_bounds(c, &m, &max))
				return;
			interval(c, a, m, max);
		} else {
			return;
		}
	}
}

static void concatenation(struct comp *c, unsigned first_class)
{
	while (!c->failed && *c->s && *c->s != '|' && !(*c->s == ')' && c->depth > 0))
		repetition(c, first_class);
}

/* e1|e2  →  a: SPLIT a+1, l2;  e1;  JMP end;  l2: e2;  end:
 * (a third alternative wraps the first two the same way). */
static void alternation(struct comp *c, unsigned first_class)
{
	unsigned a = c->n;
	concatenation(c, first_class);
	while (!c->failed && *c->s == '|') {
		c->s++;
		if (!insert_at(c, a))
			return;
		*at(c, a) = (struct pat_inst){ OP_SPLIT, 0, (uint16_t)(a + 1), NO_TARGET };
		int j = emit(c, OP_JMP, 0, NO_TARGET, 0);
		if (j < 0)
			return;
		at(c, a)->y = (uint16_t)c->n;
		concatenation(c, first_class);
		if (c->failed)
			return;
		at(c, (unsigned)j)->x = (uint16_t)c->n;
	}
}

void pat_pool_init(struct pat_pool *pp)
{
	pp->ninst = 0;
	pp->nclass = 0;
}

int pat_compile(struct pat_pool *pp, struct pat *out, const char *src, char *err, size_t errlen)
{
	struct comp c = { .pp = pp, .s = src, .base = pp->ninst, .err = err, .errlen = errlen };
	unsigned left = PAT_POOL_INST - pp->ninst;
	c.cap = left < PAT_MAX_INST ? left : PAT_MAX_INST;
	unsigned first_class = pp->nclass;
	/* At the top level every byte is consumed: a ')' with no '(' is a
	 * literal, as in glibc's ERE. */
	alternation(&c, first_class);
	emit(&c, OP_MATCH, 0, 0, 0);
	if (c.failed) {
		pp->nclass = (uint16_t)first_class;
		return -EINVAL;
	}
	out->start = (uint16_t)c.base;
	out->len = (uint16_t)c.n;
	pp->ninst = (uint16_t)(c.base + c.n);
	return 0;
}

/* ---- matching ----------------------------------------------------------- */

struct vm {
	const struct pat_pool *pp;
	const struct pat_inst *prog;
	uint32_t *mark;      /* the position (+1) a step was last added at */
	uint16_t *stack;
};

/* Adds pc and every step reachable from it without consuming a byte to
 * list, at the position whose previous byte is prev (-1 at the start) and
 * whose current byte is cur (0 at the end).  True when MATCH is reached. */
static bool add(struct vm *vm, uint16_t *list, unsigned *count, unsigned pc, uint32_t gen,
		int prev, int cur)
{
	unsigned sp = 0;
	vm->stack[sp++] = (uint16_t)pc;
	while (sp > 0) {
		pc = vm->stack[--sp];
		if (vm->mark[pc] == gen)
			continue;
		vm->mark[pc] = gen;
		const struct pat_inst *i = &vm->prog[pc];
		bool pw = prev >= 0 && is_word(prev), cw = cur != 0 && is_word(cur);
		switch (i->op) {
		case OP_MATCH:
			return true;
		case OP_JMP:
			vm->stack[sp++] = i->x;
			break;
		case OP_SPLIT:
			vm->stack[sp++] = i->y;
			vm->stack[sp++] = i->x;
			break;
		case OP_BOL:
			if (prev < 0)
				vm->stack[sp++] = (uint16_t)(pc + 1);
			break;
		case OP_EOL:
			if (cur == 0)
				vm->stack[sp++] = (uint16_t)(pc + 1);
			break;
		case OP_WORDB:
		case OP_NWORDB:
		case OP_WBEG:
		case OP_WEND: {
			bool ok = i->op == OP_WORDB    ? pw != cw
				  : i->op == OP_NWORDB ? pw == cw
				  : i->op == OP_WBEG   ? !pw && cw
						       : pw && !cw;
			if (ok)
				vm->stack[sp++] = (uint16_t)(pc + 1);
			break;
		}
		default:
			list[(*count)++] = (uint16_t)pc;
			break;
		}
	}
	return false;
}

bool pat_search(const struct pat_pool *pp, const struct pat *p, const char *subject)
{
	if (p->len == 0 || p->len > PAT_MAX_INST)
		return false;
	uint16_t la[PAT_MAX_INST], lb[PAT_MAX_INST];
	uint32_t mark[PAT_MAX_INST];
	/* Each step is processed once per position and pushes at most two. */
	uint16_t stack[2 * PAT_MAX_INST + 2];
	memset(mark, 0, p->len * sizeof(mark[0]));
	struct vm vm = { pp, pp->inst + p->start, mark, stack };
	const unsigned char *s = (const unsigned char *)subject;
	uint16_t *cl = la, *nl = lb;
	unsigned nc = 0;
	uint32_t gen = 1;
	for (size_t pos = 0;; pos++) {
		int prev = pos ? s[pos - 1] : -1, cur = s[pos];
		/* A match may begin at any position. */
		if (add(&vm, cl, &nc, 0, gen, prev, cur))
			return true;
		if (cur == 0)
			return false;
		gen++;
		unsigned nn = 0;
		int next = s[pos + 1];
		for (unsigned k = 0; k < nc; k++) {
			const struct pat_inst *i = &vm.prog[cl[k]];
			bool step = i->op == OP_CHAR    ? i->ch == cur
				    : i->op == OP_ANY   ? true
				    : i->op == OP_CLASS ? (pp->cls[i->x][cur >> 3] >> (cur & 7)) & 1
							: false;
			if (step && add(&vm, nl, &nn, cl[k] + 1u, gen, cur, next))
				return true;
		}
		uint16_t *t = cl;
		cl = nl;
		nl = t;
		nc = nn;
	}
}

bool pat_glob(const char *glob, const char *s)
{
	/* Iterative with one backtrack point (the last '*'): linear in
	 * practice, no recursion, no allocation. */
	const char *star = NULL, *resume = NULL;
	while (*s) {
		if (*glob == '*') {
			star = glob++;
			resume = s;
			continue;
		}
		bool ok = false;
		const char *next = glob + 1;
		if (*glob == '?') {
			ok = true;
		} else if (*glob == '[') {
			const char *p = glob + 1;
			bool neg = *p == '!' || *p == '^';
			if (neg)
				p++;
			bool in = false;
			const char *start = p;
			while (*p && (*p != ']' || p == start)) {
				if (p[1] == '-' && p[2] && p[2] != ']') {
					if ((unsigned char)*s >= (unsigned char)p[0] && (unsigned char)*s <= (unsigned char)p[2])
						in = true;
					p += 3;
				} else {
					if (*p == *s)
						in = true;
					p++;
				}
			}
			if (*p == ']') {
				ok = in != neg;
				next = p + 1;
			} else {
				ok = *s == '[';      /* no closing ']': a literal '[' */
			}
		} else if (*glob == '\\' && glob[1]) {
			ok = glob[1] == *s;
			next = glob + 2;
		} else {
			ok = *glob && *glob == *s;
		}
		if (ok) {
			glob = next;
			s++;
		} else if (star) {
			glob = star + 1;
			s = ++resume;
		} else {
			return false;
		}
	}
	while (*glob == '*')
		glob++;
	return *glob == '\0';
}
