/* test_util_buf.c — src/util/buf.c: the growing buffer. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "util/util.h"

TEST(test_buf)
{
	struct buf b = BUF_INIT;
	for (int i = 0; i < 1000; i++)
		buf_printf(&b, "%d,", i);
	CHECK(b.len > 3000);
	CHECK(str_starts(b.data, "0,1,2,"));
	buf_release(&b);
	CHECK(mem_find("hello world", 11, "o w") != NULL);
	CHECK(mem_find("hello world", 5, "world") == NULL);
}

int main(void)
{
	RUN(test_buf);
	return check_summary();
}
