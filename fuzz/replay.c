/* replay.c — runs a fuzz target's entry point on files given as arguments,
 * for machines without libFuzzer. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		if (!f)
			continue;
		fseek(f, 0, SEEK_END);
		long n = ftell(f);
		fseek(f, 0, SEEK_SET);
		uint8_t *d = malloc(n > 0 ? (size_t)n : 1);
		if (d && n >= 0 && fread(d, 1, (size_t)n, f) == (size_t)n)
			LLVMFuzzerTestOneInput(d, (size_t)n);
		free(d);
		fclose(f);
	}
	return 0;
}
