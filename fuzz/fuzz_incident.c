/* fuzz_incident.c — the guard incident reader (and the JSON reader under
 * it) on arbitrary bytes: explain opens any file it is given. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "report/incident.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	struct incident *in = malloc(sizeof(*in));
	if (!in)
		return 0;
	(void)incident_detect(s, size);
	if (incident_parse(s, size, in) == 0) {
		struct buf b = BUF_INIT;
		(void)incident_kernel_report(s, size, &b);
		buf_release(&b);
		struct incident_timeline *tl = malloc(sizeof(*tl));
		if (tl)
			(void)incident_timeline(s, size, tl);
		free(tl);
	}
	free(in);
	return 0;
}
