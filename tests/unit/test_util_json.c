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

int main(void)
{
	RUN(test_json_writer);
	return check_summary();
}
