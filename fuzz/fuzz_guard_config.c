/* fuzz_guard_config.c — the guard's configuration parser (INI text with
 * strict validation) and its PSI line parser on hostile bytes.  The input
 * is parsed as a whole guard.conf (patterns compiled by guard/pattern.c as
 * they are read); if it is accepted, the cross checks and printing run on it, and printing must give a file
 * that parses again.  The same bytes then go through guard_parse_psi and
 * guard_meminfo_parse (live/'s parsers under the guard's wrappers). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guard/guard.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct guard_config c, d;
	static char text[70000], out[70000];
	char err[512];
	if (size > 65536)
		return 0;
	guard_config_defaults(&c);
	if (guard_config_parse(&c, (const char *)data, size, "fuzz.conf", err, sizeof(err)) == 0 &&
	    guard_config_finish(&c, err, sizeof(err)) == 0) {
		FILE *f = fmemopen(out, sizeof(out), "w");
		if (f) {
			guard_config_print(&c, f);
			long n = ftell(f);
			fclose(f);
			/* Printed values are escaped for the terminal, so a value holding
			 * control bytes may print differently; it must still not crash. */
			guard_config_defaults(&d);
			if (n > 0 && (size_t)n < sizeof(out))
				guard_config_parse(&d, out, (size_t)n, "printed", err, sizeof(err));
		}
	}
	memcpy(text, data, size);
	text[size] = '\0';
	struct guard_psi p;
	guard_parse_psi(text, &p);
	struct guard_rec rec;
	guard_meminfo_parse(text, size, &rec);
	return 0;
}
