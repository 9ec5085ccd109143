# oomkit — plain Makefile.  `make` builds build/oomkit; `make check` runs every
# unit test twice (plain and under ASan+UBSan), the quick end-to-end tests and
# the fuzz targets on their seeds (≤ 3 min on 2 cores), and ends with
# "N passed, N failed, N skipped".  `make check-long` (CI, after check) runs
# the slow end-to-end tests and the timed fuzz run, and ends with the total
# of both.
#
# BUILD selects the output directory, so several builds (or several people
# working in one tree) never write the same objects:  make BUILD=build/mine

VERSION   := 0.1.0
CC        ?= cc
BUILD     ?= build
PREFIX    ?= /usr/local
DESTDIR   ?=
BINDIR    ?= $(PREFIX)/bin
MANDIR    ?= $(PREFIX)/share/man
UNITDIR   ?= /lib/systemd/system
SYSCONFDIR ?= /etc

WARN      := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
             -Wformat=2 -Wno-format-nonliteral
CFLAGS    ?= -O2 -g
ALL_CFLAGS := -std=gnu17 $(WARN) -D_GNU_SOURCE -fno-plt -DOOMKIT_VERSION='"$(VERSION)"' \
              -Isrc $(CFLAGS) $(EXTRA_CFLAGS)
LDFLAGS   ?=
LDLIBS    ?=

SAN_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

LIB_SRC   := $(sort $(shell find src -name '*.c' ! -path src/oomkit.c))
LIB_OBJ   := $(LIB_SRC:%.c=$(BUILD)/obj/%.o)
TEST_SRC  := $(sort $(wildcard tests/unit/test_*.c))
TEST_BIN  := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
TEST_HDR  := tests/unit/check.h
# Header dependencies come from the compiler (-MMD -MP): each object and
# test has a .d file beside it listing the headers it really includes.
DEPFLAGS   = -MMD -MP -MF $@.d

.PHONY: all check check-long test-plain test-asan tests clean install uninstall bench fuzz man FORCE

all: $(BUILD)/oomkit man

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(ALL_CFLAGS) $(DEPFLAGS) -c $< -o $@

$(BUILD)/liboomkit.a: $(LIB_OBJ)
	@rm -f $@
	@ar rcs $@ $^

# The guard's loop and decision code first, in one 64 KiB fault-around
# window of its own (src/guard/hot_begin.c, src/guard/resident.c); what
# the loop does not run (config parsing, metrics, patterns when none are
# set) after it.  -z now: no lazy binding, so ld.so's code is not needed
# after start-up.
# The list is made, not kept: every src/guard/*.c is hot unless it is
# named in GUARD_COLD, so a new file of the loop is picked up by itself.
# GUARD_LOOP_DEPS are the live/, util/ and model/ objects the loop calls.
GUARD_COLD := $(wildcard src/guard/pattern.c src/guard/config.c src/guard/metrics.c)
GUARD_LOOP_DEPS := src/live/text.c src/live/parse_meminfo.c src/live/parse_psi.c \
             src/live/parse_memcg.c src/live/parse_status.c src/live/parse_stat.c src/live/parse_value.c \
             src/live/parse_cmdline.c src/live/parse_vmstat.c src/live/parse_buddyinfo.c \
             src/live/parse_slabinfo.c src/live/pid.c \
             src/util/num.c src/util/misc.c src/util/json.c \
             src/util/escape.c src/util/buf.c src/model/badness.c src/model/kver.c \
             src/model/snapshot.c
GUARD_HOT := src/guard/hot_begin.c \
             $(filter-out src/guard/hot_begin.c $(GUARD_COLD),$(sort $(wildcard src/guard/*.c))) \
             $(wildcard $(GUARD_LOOP_DEPS)) $(GUARD_COLD)
GUARD_HOT_OBJ := $(GUARD_HOT:%.c=$(BUILD)/obj/%.o)
# The daemon's parts (set-up, the loop, decisions, incidents) are bound by
# size, not speed: -Os keeps the whole hot set inside that one window.
GUARD_DAEMON_OBJ := $(patsubst %,$(BUILD)/obj/src/guard/%.o,daemon decide evidence hooks kmsg_watch loop)
$(GUARD_DAEMON_OBJ): ALL_CFLAGS += -Os

$(BUILD)/oomkit: $(BUILD)/obj/src/oomkit.o $(BUILD)/liboomkit.a
	@echo "  LINK    $@"
	@$(CC) $(ALL_CFLAGS) -Wl,-z,relro,-z,now $(LDFLAGS) -o $@ $(GUARD_HOT_OBJ) $^ $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c $(TEST_HDR) $(BUILD)/liboomkit.a
	@mkdir -p $(dir $@)
	@echo "  TEST    $@"
	@$(CC) $(ALL_CFLAGS) $(DEPFLAGS) -Itests/unit $(LDFLAGS) -o $@ $< $(BUILD)/liboomkit.a $(LDLIBS)

# The guard's loop must not allocate: this test wraps the allocator.
$(BUILD)/tests/test_guard_noalloc: tests/unit/test_guard_noalloc.c $(TEST_HDR) $(BUILD)/liboomkit.a
	@mkdir -p $(dir $@)
	@echo "  TEST    $@"
	@$(CC) $(ALL_CFLAGS) $(DEPFLAGS) -Itests/unit $(LDFLAGS) -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc \
	    -o $@ $< $(BUILD)/liboomkit.a $(LDLIBS)

tests: $(BUILD)/oomkit $(TEST_BIN) $(BUILD)/tests/hog $(BUILD)/tests/zombie_hog $(BUILD)/tests/sleeper

# The hog used by end-to-end tests: allocates and touches memory at a set pace.
$(BUILD)/tests/hog: tests/e2e/hog.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $<

# A hog whose main thread has exited (pthread_exit), and many small processes.
$(BUILD)/tests/zombie_hog: tests/e2e/zombie_hog.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -pthread -o $@ $<

$(BUILD)/tests/sleeper: bench/top/sleeper.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $<

# The sanitizer build lives beside the plain one and is built by the same rules.
asan:
	$(MAKE) --no-print-directory BUILD=$(BUILD)/asan EXTRA_CFLAGS='$(SAN_FLAGS) -O1' \
	    LDFLAGS='$(SAN_FLAGS)' tests

# `make check` as the README gives it (no -j) builds both variants on every
# CPU: a serial build of the two was most of its time on 2 cores.  A -j the
# caller gave is kept (and the jobserver with it).
NPROC := $(shell nproc 2>/dev/null || echo 2)
CHECK_JOBS = $(if $(findstring -j,$(MAKEFLAGS))$(findstring jobserver,$(MAKEFLAGS)),,-j$(NPROC))

check:
	@$(MAKE) --no-print-directory $(CHECK_JOBS) tests asan
	@CC='$(CC)' tests/run.sh quick $(BUILD) $(BUILD)/asan

check-long:
	@$(MAKE) --no-print-directory $(CHECK_JOBS) tests asan
	@CC='$(CC)' tests/run.sh long $(BUILD) $(BUILD)/asan

clean:
	rm -rf $(BUILD)

-include $(wildcard $(BUILD)/obj/src/*.o.d $(BUILD)/obj/src/*/*.o.d $(BUILD)/tests/*.d)

MAN_SRC   := $(wildcard docs/*.scd)
MAN_OUT   := $(MAN_SRC:docs/%.scd=$(BUILD)/man/%)

man: $(MAN_OUT)

$(BUILD)/man/%: docs/%.scd
	@mkdir -p $(dir $@)
	@if command -v scdoc >/dev/null 2>&1; then scdoc < $< > $@; \
	 else echo "scdoc not found: man page $@ not built"; fi

install: $(BUILD)/oomkit
	install -D -m 0755 $(BUILD)/oomkit $(DESTDIR)$(BINDIR)/oomkit
	@if command -v scdoc >/dev/null 2>&1; then \
	  $(MAKE) --no-print-directory man && \
	  for p in $(MAN_OUT); do s=$${p##*.}; \
	    install -D -m 0644 $$p $(DESTDIR)$(MANDIR)/man$$s/$${p##*/}; done; \
	 else echo "scdoc not found: man pages not installed"; fi
	@if [ -f dist/oomkit-guard.service ]; then \
	  mkdir -p $(DESTDIR)$(UNITDIR) && \
	  sed 's|/usr/local/bin/oomkit|$(BINDIR)/oomkit|g' dist/oomkit-guard.service \
	    > $(DESTDIR)$(UNITDIR)/oomkit-guard.service && \
	  chmod 0644 $(DESTDIR)$(UNITDIR)/oomkit-guard.service; fi
	@if [ -f dist/guard.conf ] && [ ! -e $(DESTDIR)$(SYSCONFDIR)/oomkit/guard.conf ]; then \
	  install -D -m 0644 dist/guard.conf $(DESTDIR)$(SYSCONFDIR)/oomkit/guard.conf; fi

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/oomkit $(DESTDIR)$(MANDIR)/man1/oomkit*.1 \
	      $(DESTDIR)$(MANDIR)/man5/oomkit*.5 \
	      $(DESTDIR)$(UNITDIR)/oomkit-guard.service

bench: $(BUILD)/oomkit
	@for b in bench/*/run.sh; do [ -x "$$b" ] && "$$b" $(BUILD)/oomkit; done; true

# Fuzz targets: clang + libFuzzer when present, else a replay driver over the
# seed corpus (still under ASan+UBSan), so `make fuzz` always runs something.
fuzz:
	@fuzz/run.sh $(BUILD)/fuzz $${FUZZ_SECONDS:-60}
