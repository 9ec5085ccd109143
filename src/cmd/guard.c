/* guard.c — `oomkit guard`: act before the kernel's OOM killer.  Parses the
 * command line into key/value pairs (kept for SIGHUP reloads), builds the
 * configuration (defaults → /etc/oomkit/guard.conf → flags) and runs the
 * daemon (src/guard/). */
#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"
#include "guard/guard.h"

static void usage(FILE *f)
{
	fputs("Usage: oomkit guard [OPTION]...\n"
	      "Watch the whole machine (default) or memory cgroups and stop the process the\n"
	      "kernel's OOM killer would pick (or the one your policy prefers) before the\n"
	      "kernel has to; keep the evidence.  With no option: the whole machine, SIGTERM\n"
	      "below 10% MemAvailable, SIGKILL below 5%, nothing done while memory is plentiful.\n\n"
	      "Options:\n"
	      "      --config FILE          configuration file (default " GUARD_DEFAULT_CONFIG ",\n"
	      "                             used when present); flags override it\n"
	      "      --check-config         check the configuration, print it, and exit\n"
	      "      --cgroup DIR           watch a memory cgroup (v1 or v2); repeat for several\n"
	      "      --dry-run              decide and report everything, signal nothing\n"
	      "  -h, --help                 show this help and exit\n"
	      "  -V, --version              show the version and exit\n\n"
	      "Every configuration key is also a flag (--KEY VALUE or --KEY=VALUE; booleans\n"
	      "alone mean yes):\n", f);
	guard_config_help(f);
	fputs("\nSignals: SIGHUP reloads the configuration (a bad one is refused and the old\n"
	      "one kept); SIGTERM and SIGINT stop the guard.\n"
	      "See oomkit-guard(1) and oomkit-guard.conf(5).\n", f);
}

int cmd_guard(int argc, char **argv)
{
	static struct guard_cli cli;
	static struct guard_config cfg;
	bool check = false;
	memset(&cli, 0, sizeof(cli));
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			usage(stdout);
			return 0;
		}
		if (!strcmp(a, "-V") || !strcmp(a, "--version")) {
			printf("oomkit %s\n", OOMKIT_VERSION);
			return 0;
		}
		if (!strcmp(a, "--check-config")) {
			check = true;
			continue;
		}
		if (strncmp(a, "--", 2) != 0 || !a[2])
			return cmd_usage_error("guard", "unexpected argument '%s'", a);
		static char keys[GUARD_MAX_CLI][64];
		const char *eq = strchr(a + 2, '=');
		const char *value;
		size_t klen = eq ? (size_t)(eq - (a + 2)) : strlen(a + 2);
		if (klen >= sizeof(keys[0]))
			return cmd_usage_error("guard", "unknown option '%s'", a);
		if (cli.n >= GUARD_MAX_CLI)
			return cmd_usage_error("guard", "too many options");
		memcpy(keys[cli.n], a + 2, klen);
		keys[cli.n][klen] = '\0';
		const char *key = keys[cli.n];
		if (eq)
			value = eq + 1;
		else if (!strcmp(key, "config") || !guard_config_is_bool(key)) {
			if (i + 1 >= argc)
				return cmd_usage_error("guard", "option '%s' needs a value", a);
			value = argv[++i];
		} else if (i + 1 < argc && (!strcmp(argv[i + 1], "yes") || !strcmp(argv[i + 1], "no") ||
					    !strcmp(argv[i + 1], "true") || !strcmp(argv[i + 1], "false") ||
					    !strcmp(argv[i + 1], "on") || !strcmp(argv[i + 1], "off"))) {
			value = argv[++i];     /* "--dry-run no" as well as "--dry-run" */
		} else
			value = "yes";
		if (!strcmp(key, "config")) {
			cli.config_path = value;
			continue;
		}
		cli.key[cli.n] = key;
		cli.value[cli.n] = value;
		cli.n++;
	}
	char err[512];
	int rc = guard_config_build(&cfg, &cli, err, sizeof(err));
	if (rc != 0) {
		/* Flag errors are usage errors; file errors are configuration failures. */
		if (!strncmp(err, "--", 2))
			return cmd_usage_error("guard", "%s", err);
		cmd_error("guard", "%s", err);
		return 1;
	}
	if (check) {
		guard_config_print(&cfg, stdout);
		return 0;
	}
	rc = guard_run(&cli, &cfg);
	return rc;
}
