/* test_diagnose_findings.c — diagnose/findings.c: the findings list (add, evidence,
 * advice, sort, get, names) and the basis of a finding (finding_basis,
 * finding_basis_text) as the renderers word it.
 * (Split from test_diagnose.c; the events are built by diag_events.h.) */

#include "diag_events.h"

/* One wording of the basis for text and HTML (finding_basis_text). */
TEST(basis_text)
{
	struct finding x;
	memset(&x, 0, sizeof(x));
	char b[256];
	CHECK_STR(finding_basis_text(&x, b, sizeof(b)), "");
	x.basis_read = BASIS_TRIGGER | BASIS_BUDDY;
	x.basis_missing = BASIS_ZONES;
	snprintf(x.basis_note, sizeof(x.basis_note), "swap inferred");
	finding_basis_text(&x, b, sizeof(b));
	CHECK(strncmp(b, "read ", 5) == 0);
	CHECK(strstr(b, basis_read_name(BASIS_BUDDY)) != NULL);
	CHECK(strstr(b, "; missing: ") != NULL);
	CHECK(strstr(b, basis_missing_name(BASIS_ZONES)) != NULL);
	CHECK(strstr(b, "; swap inferred") != NULL);
	char tiny[8];
	CHECK_INT(strlen(finding_basis_text(&x, tiny, sizeof(tiny))), 7);
}

/* issue 8 §4: every cause says how sure and from which lines. */
TEST(confidence_and_basis)
{
	struct oom_event ev;
	global_base(&ev);
	run(&ev);
	CHECK_STR(first_id(), "genuine-exhaustion-no-swap");
	const struct finding *x = findings_get(&F, "genuine-exhaustion-no-swap");
	CHECK(x && x->confidence == CONF_HIGH);
	CHECK(x && (x->basis_read & BASIS_ZONES) && (x->basis_read & BASIS_SWAP) && x->basis_missing == 0);
	event_release(&ev);

	/* the zone lines elided: the same cause from the summary, one step less sure */
	global_base(&ev);
	ev.snap.nr_zones = 0;
	ev.snap.mem.free_kib = 100 * MiB;
	run(&ev);
	x = findings_get(&F, "genuine-exhaustion-no-swap");
	CHECK(x && x->confidence == CONF_MEDIUM);
	CHECK(x && (x->basis_missing & BASIS_ZONES));
	CHECK_STR(basis_missing_name(BASIS_ZONES), "zone lines elided");
	size_t len;
	char *t = render_text(&ev, false, &len);
	CHECK(strstr(t, "confidence: medium (read trigger line, Mem-Info summary, swap lines; missing: zone lines elided)") != NULL);
	free(t);
	char *j = render_json(&ev, &len);
	CHECK(json_valid(j, len));
	CHECK(strstr(j, "\"confidence\": \"medium\"") != NULL);
	CHECK(strstr(j, "\"zone lines elided\"") != NULL);
	free(j);
	event_release(&ev);

	/* nothing to go on: unknown, low, saying what is missing */
	event_init(&ev);
	victim(&ev, 42, "x", 100);
	run(&ev);
	CHECK_STR(first_id(), "unknown");
	CHECK(F.items[0].confidence == CONF_LOW);
	CHECK(F.items[0].basis_missing & BASIS_TRIGGER);
	CHECK(F.items[0].basis_missing & BASIS_MEMINFO);
	event_release(&ev);
}
int main(void)
{
	RUN(basis_text);
	RUN(confidence_and_basis);
	return check_summary();
}
