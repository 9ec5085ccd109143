/* order.h — a log pasted newest first (journalctl -r; log viewers such as
 * Kibana, Graylog or a cloud console list the newest line at the top), told
 * from the order in which the kernel prints a report's kinds and from its
 * own stamps, and turned back into the kernel's order.  Private to
 * report/scan.c, which asks it about an input that fits its first read. */
#ifndef OOMKIT_ORDER_H
#define OOMKIT_ORDER_H

#include <stdbool.h>
#include <stddef.h>

/* Do the lines of p[0, n) run newest first?  True when the kernel's stamps
 * and the kinds of a report's lines (trigger … Mem-Info … tasks … kill …
 * reaper) step back at least four times and four times as often as they
 * step forward. */
bool order_newest_first(const char *p, size_t n);

/* Puts the records of p[0, *n) in the opposite order, in place: a record
 * is a line with a transport prefix and the unprefixed lines after it (its
 * rest, wrapped after the log was turned round), or each line where no line
 * has a prefix.  Every line then ends with '\n' (*n grows by one if the last
 * had none, which must fit cap).  False when it cannot (no room or no
 * memory): p is left as it was. */
bool order_reverse_lines(char *p, size_t *n, size_t cap);

#endif
