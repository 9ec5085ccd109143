/* status_metrics.c — `oomkit status --metrics`: the audit as Prometheus text
 * (exposition format 0.0.4) for node_exporter's textfile collector, on
 * machines that run no guard.  The names are the guard's (src/guard/
 * metrics.c) where they mean the same thing, so one set of rules and
 * dashboards reads both: oomkit_available_bytes, oomkit_limit_bytes,
 * oomkit_pressure_*, oomkit_kernel_oom_kills_total, oomkit_scope_info, all
 * with the label scope ("machine" or the memory cgroup's directory).  Label
 * values only through escape_prom_label; reads nothing. */
#include <string.h>
#include <time.h>

#include "model/kubepods.h"
#include "render/live_render.h"

static void head(FILE *f, const char *name, const char *type, const char *help)
{
	fprintf(f, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, type);
}

static void kib_machine(FILE *f, const char *name, const char *help, int64_t kib)
{
	head(f, name, "gauge", help);
	if (known(kib))
		fprintf(f, "%s{scope=\"machine\"} %lld\n", name, (long long)sat_mul(kib, 1024));
}

/* The directory of a memory cgroup as the host mounts it (the guard's
 * scope label for the same cgroup): /sys/fs/cgroup[/memory] + its path. */
static void memcg_scope(FILE *f, const struct oom_memcg_summary *mc, const char *path)
{
	const char *base = mc->version == 1 ? "/sys/fs/cgroup/memory" : "/sys/fs/cgroup";
	escape_prom_label(f, base, strlen(base));
	if (strcmp(path, "/") != 0)
		escape_prom_label(f, path, strlen(path));
}

void render_status_metrics(FILE *f, const struct status_view *v)
{
	const struct oom_mem *m = &v->s->mem;
	head(f, "oomkit_status_timestamp_seconds", "gauge", "Time oomkit status wrote these metrics, since the epoch.");
	fprintf(f, "oomkit_status_timestamp_seconds %lld\n", (long long)time(NULL));
	if (v->meminfo_known) {
		kib_machine(f, "oomkit_available_bytes", "Memory available in the scope (MemAvailable).",
			    m->available_kib);
		kib_machine(f, "oomkit_swap_total_bytes", "Swap space of the scope (SwapTotal).", m->swap_total_kib);
		kib_machine(f, "oomkit_swap_free_bytes", "Unused swap space of the scope (SwapFree).", m->swap_free_kib);
		kib_machine(f, "oomkit_committed_bytes", "Memory committed to processes (Committed_AS).",
			    m->committed_as_kib);
		kib_machine(f, "oomkit_commit_limit_bytes", "Commit limit (CommitLimit; enforced with overcommit_memory 2).",
			    m->commit_limit_kib);
	}
	if (v->vm_known && v->vm->psi_known) {
		const struct oom_pressure *p = &v->vm->psi;
		head(f, "oomkit_pressure_avg10_ratio", "gauge", "PSI memory pressure of the scope, 10 s average (0-1).");
		if (p->some.known)
			fprintf(f, "oomkit_pressure_avg10_ratio{scope=\"machine\",kind=\"some\"} %.4f\n", p->some.avg10 / 100.0);
		if (p->full.known)
			fprintf(f, "oomkit_pressure_avg10_ratio{scope=\"machine\",kind=\"full\"} %.4f\n", p->full.avg10 / 100.0);
		head(f, "oomkit_pressure_stall_seconds_total", "counter", "PSI memory stall time of the scope.");
		if (p->some.known)
			fprintf(f, "oomkit_pressure_stall_seconds_total{scope=\"machine\",kind=\"some\"} %.6f\n",
				(double)p->some.total_us / 1e6);
		if (p->full.known)
			fprintf(f, "oomkit_pressure_stall_seconds_total{scope=\"machine\",kind=\"full\"} %.6f\n",
				(double)p->full.total_us / 1e6);
	}
	const struct oom_memcg_summary *mc = v->memcgs;
	head(f, "oomkit_kernel_oom_kills_total", "counter",
	     "OOM kills by the kernel in the scope since boot (/proc/vmstat oom_kill; a memory cgroup's memory.events or memory.oom_control oom_kill).");
	if (v->vm_known && known(v->vm->oom_kill_count))
		fprintf(f, "oomkit_kernel_oom_kills_total{scope=\"machine\"} %lld\n", (long long)v->vm->oom_kill_count);
	for (int i = 0; mc && i < mc->n_killed; i++) {
		fputs("oomkit_kernel_oom_kills_total{scope=\"", f);
		memcg_scope(f, mc, mc->killed[i].path);
		fprintf(f, "\"} %lld\n", (long long)mc->killed[i].oom_kills);
	}
	/* One family, every scope: the machine's MemTotal, the fullest memory
	 * cgroups' limits (as the text report lists them). */
	head(f, "oomkit_limit_bytes", "gauge", "Size of the scope (MemTotal or the cgroup's memory limit).");
	if (v->meminfo_known && known(m->total_kib))
		fprintf(f, "oomkit_limit_bytes{scope=\"machine\"} %lld\n", (long long)sat_mul(m->total_kib, 1024));
	for (int i = 0; mc && i < mc->n; i++) {
		if (!known(mc->v[i].cg.limit_kib))
			continue;
		fputs("oomkit_limit_bytes{scope=\"", f);
		memcg_scope(f, mc, mc->v[i].cg.path);
		fprintf(f, "\"} %lld\n", (long long)sat_mul(mc->v[i].cg.limit_kib, 1024));
	}
	if (mc && mc->n > 0) {
		head(f, "oomkit_memcg_usage_bytes", "gauge", "Memory charged to the cgroup (memory.current / usage_in_bytes).");
		for (int i = 0; i < mc->n; i++) {
			if (!known(mc->v[i].cg.usage_kib))
				continue;
			fputs("oomkit_memcg_usage_bytes{scope=\"", f);
			memcg_scope(f, mc, mc->v[i].cg.path);
			fprintf(f, "\"} %lld\n", (long long)sat_mul(mc->v[i].cg.usage_kib, 1024));
		}
	}
	head(f, "oomkit_scope_info", "gauge",
	     "1 for each scope that is a Kubernetes pod's cgroup: its pod UID, QoS class and container ID.");
	/* every cgroup named above once: those with kills, then the fullest */
	for (int i = 0; mc && i < mc->n_killed + mc->n; i++) {
		const char *path = i < mc->n_killed ? mc->killed[i].path : mc->v[i - mc->n_killed].cg.path;
		bool dup = false;
		for (int k = 0; k < mc->n_killed && i >= mc->n_killed && !dup; k++)
			dup = !strcmp(mc->killed[k].path, path);
		char scope[OOM_PATH_LEN + 32];
		snprintf(scope, sizeof(scope), "%s%s", mc->version == 1 ? "/sys/fs/cgroup/memory" : "/sys/fs/cgroup",
			 strcmp(path, "/") ? path : "");
		if (!dup)
			kube_prom_info(f, scope, path);
	}
	head(f, "oomkit_status_findings", "gauge", "Findings of the audit, by severity.");
	int count[3] = { 0, 0, 0 };
	for (int i = 0; v->f && i < v->f->n; i++)
		if (v->f->items[i].severity <= SEV_CRITICAL)
			count[v->f->items[i].severity]++;
	for (int s = 0; s < 3; s++)
		fprintf(f, "oomkit_status_findings{severity=\"%s\"} %d\n", severity_name((enum severity)s), count[s]);
}
