/* guard.c — `oomkit guard`: act before the kernel's OOM killer.  Parses the
 * command line into key/value pairs (kept for SIGHUP reloads), builds the
 * configuration (defaults → /etc/oomkit/guard.conf → flags) and runs the
 * daemon (src/guard/). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "guard/guard.h"
#include "render/style.h"
#include "util/util.h"

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
	      "  -j, --json                 with --check-config: print it as one JSON object\n"
	      "      --color[=WHEN]         accepted like every command's (the guard's output\n"
	      "                             is the journal's: never coloured)\n"
	      "      --cgroup DIR           watch a memory cgroup (v1 or v2); repeat for several\n"
	      "      --dry-run              decide and report everything, signal nothing\n"
	      "  -h, --help                 show this help and exit\n"
	      "  -V, --version              show the version and exit\n\n"
	      "Every configuration key is also a flag (--KEY VALUE or --KEY=VALUE; booleans\n"
	      "alone mean yes; '--' ends the options, and the guard takes no operands):\n", f);
	guard_config_help(f);
	fputs("\nSignals: SIGHUP reloads the configuration (a bad one is refused and the old\n"
	      "one kept); SIGTERM and SIGINT stop the guard.\n"
	      "See oomkit-guard(1) and oomkit-guard.conf(5).\n", f);
}

/* --check-config --json: guard_config_print()'s "key = value" lines as
 * one JSON object (numbers, yes/no as booleans, auto as a string, a key
 * given several times as an array). */
static int print_config_json(const struct guard_config *cfg)
{
	char *text = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&text, &len);
	if (!m)
		return 1;
	guard_config_print(cfg, m);
	if (fclose(m) != 0) {
		free(text);
		return 1;
	}
	struct json j;
	json_init(&j, stdout, true);
	json_obj_begin(&j, NULL);
	char prev[64] = "";
	bool in_array = false;
	for (char *line = text, *next; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		char *eq = strstr(line, " = ");
		if (line[0] == '[' || !eq)
			continue;
		*eq = '\0';
		const char *key = line, *v = eq + 3;
		/* a repeated key (cgroup, prefer, avoid) is a list */
		bool repeat = next && !strncmp(next, key, strlen(key)) && !strncmp(next + strlen(key), " = ", 3);
		if (in_array && strcmp(prev, key) != 0) {
			json_arr_end(&j);
			in_array = false;
		}
		if (!in_array && repeat) {
			json_arr_begin(&j, key);
			in_array = true;
		}
		const char *k = in_array ? NULL : key;
		size_t vl = strlen(v);
		char *end;
		long long num = strtoll(v, &end, 10);
		if (vl >= 2 && v[0] == '"' && v[vl - 1] == '"')
			json_strn(&j, k, v + 1, vl - 2);
		else if (!strcmp(v, "yes") || !strcmp(v, "no"))
			json_bool(&j, k, v[0] == 'y');
		else if (vl && !*end)
			json_int(&j, k, num);
		else
			json_str(&j, k, v);
		str_copy(prev, sizeof(prev), key, strlen(key));
		if (in_array && !repeat) {
			json_arr_end(&j);
			in_array = false;
		}
	}
	json_obj_end(&j);
	json_end(&j);
	free(text);
	return fflush(stdout) == 0 ? 0 : 1;
}

int cmd_guard(int argc, char **argv)
{
	static struct guard_cli cli;
	static struct guard_config cfg;
	bool check = false, json = false;
	memset(&cli, 0, sizeof(cli));
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			usage(stdout);
			return 0;
		}
		if (!strcmp(a, "-V") || !strcmp(a, "--version"))
			return cmd_version();
		if (!strcmp(a, "--check-config")) {
			check = true;
			continue;
		}
		if (!strcmp(a, "-j") || !strcmp(a, "--json")) {
			json = true;
			continue;
		}
		if (!strcmp(a, "--color") || !strcmp(a, "--colour") || !strncmp(a, "--color=", 8) ||
		    !strncmp(a, "--colour=", 9)) {
			const char *eq = strchr(a, '=');
			if (color_mode_parse(eq ? eq + 1 : NULL) < 0)
				return cmd_usage_error("guard", "--color wants auto, always or never, not '%s'", eq + 1);
			continue;
		}
		if (!strcmp(a, "--")) {
			if (i + 1 < argc)
				return cmd_usage_error("guard", "unexpected argument '%s'", argv[i + 1]);
			break;
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
	if (json && !check)
		return cmd_usage_error("guard", "--json goes with --check-config (the daemon writes JSON events with "
				       "--events FILE)");
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
		if (json)
			return print_config_json(&cfg);
		guard_config_print(&cfg, stdout);
		return 0;
	}
	rc = guard_run(&cli, &cfg);
	return rc;
}
