/* test_util_json.c — src/util/json.c: the JSON writer. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "util/util.h"

TEST(test_json_writer)
{
	char *mem = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&mem, &len);
	struct json j;
	json_init(&j, f, false);
	json_obj_begin(&j, NULL);
	json_int(&j, "schema", 1);
	json_int(&j, "na", OOM_NA);
	json_str(&j, "s", "a\"b");
	json_arr_begin(&j, "xs");
	json_int(&j, NULL, 1);
	json_obj_begin(&j, NULL);
	json_bool(&j, "t", true);
	json_obj_end(&j);
	json_arr_end(&j);
	json_arr_begin(&j, "empty");
	json_arr_end(&j);
	json_obj_end(&j);
	fclose(f);
	CHECK_STR(mem, "{\"schema\":1,\"na\":null,\"s\":\"a\\\"b\",\"xs\":[1,{\"t\":true}],\"empty\":[]}");
	free(mem);
}

/* io_put copies into glibc's FILE buffer when the run fits and calls
 * fwrite_unlocked otherwise: whatever the buffering (full with a buffer
 * smaller than the runs, line, none) the bytes and their order must be what
 * fwrite gives, other stdio writes to the same FILE included. */
static char *write_with(int mode, size_t bufsize, size_t *len)
{
	char path[] = "/tmp/oomkit-test-json.XXXXXX";
	int fd = mkstemp(path);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!f) {
		if (fd >= 0) {
			close(fd);
			unlink(path);
		}
		return NULL;
	}
	static char vbuf[64];
	if (mode != -1)
		setvbuf(f, mode == _IONBF ? NULL : vbuf, mode, mode == _IONBF ? 0 : bufsize);
	struct json j;
	json_init(&j, f, true);
	json_obj_begin(&j, NULL);
	for (int i = 0; i < 40; i++) {
		json_int(&j, "a_key_of_some_length", (int64_t)i * 1000003);
		json_str(&j, "text", "line \"one\"\nand a longer tail of plain bytes to cross the buffer");
		if (i % 7 == 0)
			fprintf(f, " ");   /* another writer between values: its order must hold */
	}
	json_obj_end(&j);
	json_end(&j);
	fclose(f);
	char *mem = slurp(path, len);
	unlink(path);
	return mem;
}

TEST(test_io_put_same_bytes_whatever_the_buffering)
{
	size_t l0 = 0, l1 = 0, l2 = 0, l3 = 0;
	char *def = write_with(-1, 0, &l0), *full = write_with(_IOFBF, 64, &l1);
	char *line = write_with(_IOLBF, 64, &l2), *none = write_with(_IONBF, 0, &l3);
	CHECK(def && full && line && none);
	if (def && full && line && none) {
		CHECK(l0 > 4000);
		CHECK(l0 == l1 && l0 == l2 && l0 == l3);
		CHECK(!memcmp(def, full, l0) && !memcmp(def, line, l0) && !memcmp(def, none, l0));
		CHECK(strstr(def, "{\n  \"a_key_of_some_length\": 0,\n  \"text\": \"line \\\"one\\\"\\u000aand") == def);
		CHECK(strstr(def, "\"a_key_of_some_length\": 39000117") != NULL);
	}
	free(def);
	free(full);
	free(line);
	free(none);
}

int main(void)
{
	RUN(test_json_writer);
	RUN(test_io_put_same_bytes_whatever_the_buffering);
	return check_summary();
}
