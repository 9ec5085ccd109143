/* jsonread.h — a minimal, allocation-free JSON reader for files oomkit wrote
 * itself (guard incident files), hardened for anything else: every function
 * checks bounds, nesting is capped, and a malformed document is -EINVAL. */
#ifndef OOMKIT_JSONREAD_H
#define OOMKIT_JSONREAD_H

#include <stddef.h>
#include <stdint.h>

#include "util/util.h"

/* A value is the span [p, e) of its text. */
struct jr { const char *p, *e; };

#define JR_MAX_DEPTH 64

/* The whole document's top value (leading/trailing white space allowed). */
int jr_doc(const char *s, size_t len, struct jr *out);
/* Member `key` of object v (first match; keys compared unescaped only when
 * they hold no backslash).  0, -ENOENT, -EINVAL. */
int jr_get(struct jr v, const char *key, struct jr *out);
/* Iterates an array: *it starts as {0}; each call gives the next element.
 * 1 element, 0 end, -EINVAL. */
struct jr_iter { const char *p; };
int jr_next(struct jr arr, struct jr_iter *it, struct jr *out);
/* Typed reads.  jr_str appends the unescaped string to out (invalid
 * escapes → U+FFFD); 0 or -EINVAL when v is not a string. */
int jr_str(struct jr v, struct buf *out);
int jr_str_copy(struct jr v, char *dst, size_t dstlen);   /* "" on failure */
int jr_int(struct jr v, int64_t *out);          /* integer part of a number */
bool jr_is_null(struct jr v);
bool jr_bool(struct jr v);                       /* true only for `true` */

#endif
