/* test_render_explain_json.c — render/explain_json.c: the JSON of explain (docs/explain-json.md):
 * valid JSON, every key of the schema, unknown numbers as null.
 * (Split from test_diagnose.c; the events are built by diag_events.h.) */

#include "diag_events.h"

TEST(render_json_schema)
{
	struct oom_event ev;
	global_base(&ev);
	size_t len;
	char *j = render_json(&ev, &len);
	CHECK(json_valid(j, len));
	static const char *const keys[] = {
		"\"schema\": 1", "\"events\"", "\"kind\": \"global\"", "\"kernel\": \"6.1.0-13-amd64\"",
		"\"arch\"", "\"time\": null", "\"trigger\"", "\"request\"", "\"gfp_mask\": \"0x140dca\"",
		"\"gfp_flags\"", "\"GFP_HIGHUSER_MOVABLE\"", "\"order\": 0", "\"bytes\": 4096", "\"zone\"",
		"\"constraint\": \"CONSTRAINT_NONE\"", "\"memcg\": null", "\"memory\"", "\"total_kb\": 8388608",
		"\"free_kb\"", "\"anon_kb\"", "\"file_kb\"", "\"shmem_kb\"", "\"slab_reclaimable_kb\"",
		"\"slab_unreclaimable_kb\"", "\"pagetables_kb\"", "\"unaccounted_kb\"", "\"swap_total_kb\": 0",
		"\"swap_free_kb\": 0", "\"zones\"", "\"node\": 0", "\"min_kb\"", "\"low_kb\"", "\"high_kb\"",
		"\"lowmem_reserve_kb\"", "\"free_blocks\"", "\"ok_for_request\": false", "\"tasks\"",
		"\"rss_kb\"", "\"swap_kb\"", "\"pgtables_kb\"", "\"oom_score_adj\"", "\"badness\"",
		"\"victim\"", "\"total_vm_kb\"", "\"anon_rss_kb\"", "\"file_rss_kb\"", "\"shmem_rss_kb\"",
		"\"uid\"", "\"causes\"", "\"id\": \"genuine-exhaustion-no-swap\"", "\"summary\"",
		"\"evidence\"", "\"advice\"", "\"sources\"",
	};
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (!strstr(j, keys[i])) {
			CHECK(!"key missing");
			printf("    missing %s\n", keys[i]);
		} else {
			CHECK(1);
		}
	free(j);
	/* Missing numbers are null, not zero. */
	event_release(&ev);
	event_init(&ev);
	victim(&ev, 42, "x", 100);
	j = render_json(&ev, &len);
	CHECK(json_valid(j, len));
	CHECK(strstr(j, "\"total_kb\": null") != NULL);
	CHECK(strstr(j, "\"gfp_mask\": null") != NULL);
	CHECK(strstr(j, "\"order\": null") != NULL);
	CHECK(strstr(j, "\"tasks\": null") != NULL);
	free(j);
	event_release(&ev);
}

TEST(json_validator_self_test)
{
	CHECK(json_valid_s("{\"a\": [1, -2.5e3, true, null, \"x\\u0041\"]}"));
	CHECK(!json_valid_s("{\"a\": [1,]}"));
	CHECK(!json_valid_s("{\"a\" 1}"));
	CHECK(!json_valid_s("\"\x01\""));
}
int main(void)
{
	RUN(render_json_schema);
	RUN(json_validator_self_test);
	return check_summary();
}
