/* kernel_kill.c — what the guard's kmsg watch needs from the kernel's own
 * OOM reports, read by this folder's one line table and one parser (no
 * second reader of kernel text in src/guard/):
 *   - the kind of one raw /dev/kmsg record, transport framing stripped
 *     (transport.c) and classified by report/linekind.c: allocation-free,
 *     the guard's loop calls it for every record;
 *   - the victim and the OOM domain of one captured report, by the full
 *     parser (parse.c), once per kernel kill. */
#include <errno.h>
#include <string.h>

#include "report/linekind.h"
#include "report/report.h"
#include "report/transport.h"
#include "util/util.h"

enum line_kind report_record_kind(const char *rec, size_t len)
{
	const char *nl = memchr(rec, '\n', len);
	if (nl)
		len = (size_t)(nl - rec);      /* a record's dictionary lines follow its text */
	struct pfx x;
	tr_strip_prefix(rec, len, &x);
	if (x.drop || x.len > len)
		return LK_NONE;
	return line_kind_of(rec + x.len, len - x.len);
}

struct kill_ctx {
	struct report_kill_facts *out;
	bool found;
};

static void take_event(struct oom_event *ev, void *ctx)
{
	struct kill_ctx *k = ctx;
	if (!ev->have_victim)
		return;
	/* The last killed victim of the text: a capture holds one report, but
	 * a group kill or a rate-limited repeat may put more in it. */
	struct report_kill_facts *o = k->out;
	o->pid = ev->victim.pid;
	str_copy(o->comm, sizeof(o->comm), ev->victim.comm, strlen(ev->victim.comm));
	str_copy(o->oom_memcg, sizeof(o->oom_memcg), ev->oom_memcg, strlen(ev->oom_memcg));
	k->found = true;
}

int report_kill_facts(const char *text, size_t len, struct report_kill_facts *out)
{
	struct report_kill_facts f = { .pid = OOM_NA };
	struct kill_ctx k = { .out = &f };
	int rc = report_read_mem(text, len, "/dev/kmsg", take_event, NULL, &k);
	if (rc < 0)
		return rc;
	if (!k.found)
		return -EINVAL;
	*out = f;
	return 0;
}
