/* test_model_kver.c — release parsing and ordering. */
#include <errno.h>

#include "check.h"
#include "model/kernel.h"

static void expect(const char *rel, int maj, int min, int pat, int rhel)
{
	struct kver v;
	int rc = kver_parse(rel, &v);
	CHECK_INT(rc, 0);
	if (rc)
		return;
	CHECK(v.known);
	CHECK(!v.inferred);
	CHECK_INT(v.major, maj);
	CHECK_INT(v.minor, min);
	CHECK_INT(v.patch, pat);
	CHECK_INT(v.rhel, rhel);
}

TEST(parse_real_releases)
{
	expect("3.10.0-514.6.1.el7.x86_64", 3, 10, 0, 7);
	expect("3.10.0-1160.el7.x86_64", 3, 10, 0, 7);
	expect("6.1.1-arch1-1", 6, 1, 1, 0);
	expect("5.15.158-2-pve", 5, 15, 158, 0);
	expect("2.6.32-642.6.2.el6.x86_64", 2, 6, 32, 6);
	expect("4.18.0-240.el8.x86_64", 4, 18, 0, 8);
	expect("5.14.0-362.8.1.el9_3.x86_64", 5, 14, 0, 9);
	expect("5.4.0-120-generic", 5, 4, 0, 0);
	expect("6.18.44-fc-v595", 6, 18, 44, 0);
	expect("2.6.18", 2, 6, 18, 0);
	expect("2.6.32.63", 2, 6, 32, 0);        /* stable fourth number ignored */
	expect("6.9", 6, 9, 0, 0);
	expect("4.19.0+", 4, 19, 0, 0);
	expect("6.8.0-rc3", 6, 8, 0, 0);
	/* "elf" is not an RHEL marker; ".el" must be followed by the number. */
	expect("5.10.0-shelf.elx", 5, 10, 0, 0);
}

TEST(parse_garbage)
{
	struct kver v = kver_make(9, 9, 9);
	const char *bad[] = { "", "x", "3", "3.", ".10.0", "3.10x", "3.10.0 #1", "-3.10.0",
			      "3.10.0-\x1b[31m", "1234567.1.1", "0.1.0", "3.1000.0", "abc3.10.0" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		CHECK_INT(kver_parse(bad[i], &v), -EINVAL);
	CHECK_INT(kver_parse(NULL, &v), -EINVAL);
	/* out untouched on failure */
	CHECK_INT(v.major, 9);
	CHECK_INT(v.minor, 9);
}

TEST(compare)
{
	struct kver v = kver_make(4, 19, 72);
	CHECK(kver_cmp(&v, 4, 19, 72) == 0);
	CHECK(kver_cmp(&v, 4, 19, 0) > 0);
	CHECK(kver_cmp(&v, 4, 20, 0) < 0);
	CHECK(kver_cmp(&v, 5, 0, 0) < 0);
	CHECK(kver_cmp(&v, 3, 99, 99) > 0);
	CHECK(kver_ge(&v, 4, 19));
	CHECK(!kver_ge(&v, 4, 20));
	struct kver old = kver_make(2, 6, 35);
	CHECK(kver_cmp(&old, 2, 6, 36) < 0);
	CHECK(kver_ge(&old, 2, 6));
	/* unknown versions compare as the newest */
	struct kver unk = { 0 };
	CHECK(kver_cmp(&unk, 99, 0, 0) > 0);
	CHECK(kver_ge(&unk, 6, 12));
	CHECK(kver_cmp(NULL, 2, 6, 18) > 0);
}

int main(void)
{
	RUN(parse_real_releases);
	RUN(parse_garbage);
	RUN(compare);
	return check_summary();
}
