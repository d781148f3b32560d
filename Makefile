# zhengce — plain GNU make.  `make check` and `make demo` install missing
# Debian packages first (scripts/deps.sh), then build from scratch.

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR ?= $(PREFIX)/share/zsh/site-functions
DESTDIR ?=

BUILD ?= build
PKGS := xapian-core icu-uc icu-i18n libxml-2.0 zlib poppler-glib libzip
VERSION := 0.1.0

CC ?= cc
CXX ?= c++
OPT ?= -O2 -g
SAN ?=
CPPFLAGS += -Iinclude -Ilib -D_GNU_SOURCE -DZC_VERSION='"$(VERSION)"'
CFLAGS += -std=c11 $(OPT) $(SAN) -Wall -Wextra -pthread
CXXFLAGS += -std=c++11 $(OPT) $(SAN) -Wall -Wextra -pthread
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS = $(shell pkg-config --libs $(PKGS))
LDLIBS += $(PKG_LIBS) -lstdc++ -lm -pthread
LDFLAGS += $(SAN)

# lib/ holds one folder per layer; lib/LAYERS says which layers each may
# include (tests/e2e/t03-layers.sh checks it).
LIB_SRC := $(wildcard lib/*/*.c)
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/lib/xapian/xapian.o
INDEXER_OBJ := $(patsubst %.c,$(BUILD)/%.o,$(wildcard indexer/*.c))
SEARCHER_OBJ := $(patsubst %.c,$(BUILD)/%.o,$(wildcard searcher/*.c))
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
LIBA := $(BUILD)/libzhengce.a
BINS := $(BUILD)/zcindex $(BUILD)/zcsearch
MANS := $(wildcard man/*.1 man/*.7)

all: $(BINS)

$(BUILD)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/lib/xapian/xapian.o: lib/xapian/xapian.cc
	@mkdir -p $(@D)
	$(CXX) $(CPPFLAGS) $(PKG_CFLAGS) $(CXXFLAGS) -MMD -MP -c $< -o $@

# Generated tables, committed so that a build needs no generator run, and
# rebuilt here whenever their source changes.  tests/e2e/t04-generated.sh
# (make check) fails when a committed table differs from its generator's
# output; `make check-gen` runs the same comparison alone.
lib/gen/lexicon_data.h: data/lexicon.txt scripts/gen-lexicon.sh
	scripts/gen-lexicon.sh data/lexicon.txt > $@.tmp && mv $@.tmp $@

$(BUILD)/gen-t2s: scripts/gen-t2s.c
	@mkdir -p $(@D)
	$(CC) -std=c11 -O2 -Wall -Wextra -o $@ $< \
		$(shell pkg-config --cflags --libs icu-i18n icu-uc)

# Rebuilt only on request or when the generator changes: its output is
# ICU's, and a fresh clone's file times say nothing.
t2s: $(BUILD)/gen-t2s
	$(BUILD)/gen-t2s > lib/gen/t2s_table.h.tmp && \
		mv lib/gen/t2s_table.h.tmp lib/gen/t2s_table.h

check-gen: $(BUILD)/gen-t2s
	@scripts/gen-lexicon.sh data/lexicon.txt | \
		cmp -s - lib/gen/lexicon_data.h || { echo \
		"lib/gen/lexicon_data.h differs from data/lexicon.txt (make)"; \
		exit 1; }
	@$(BUILD)/gen-t2s | cmp -s - lib/gen/t2s_table.h || { echo \
		"lib/gen/t2s_table.h differs from ICU's transform (make t2s)"; \
		exit 1; }
	@echo "ok   generated tables match their sources"

$(BUILD)/lib/text/lexicon.o: lib/gen/lexicon_data.h

$(LIBA): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/zcindex: $(INDEXER_OBJ) $(LIBA)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# zcsearch is one process per query: ICU linked statically saves the
# dynamic loader a millisecond of relocations per search (about a fifth
# of a search on the laws corpus).  ZC_STATIC_ICU=no links it shared.
ZC_STATIC_ICU ?= yes
ifeq ($(ZC_STATIC_ICU),yes)
SEARCH_LIBS = $(shell pkg-config --libs xapian-core zlib) -Wl,-Bstatic \
	$(shell pkg-config --libs icu-i18n icu-uc) -Wl,-Bdynamic \
	-lstdc++ -lm -ldl -pthread
else
SEARCH_LIBS = $(LDLIBS)
endif

$(BUILD)/zcsearch: $(SEARCHER_OBJ) $(LIBA)
	$(CC) $(LDFLAGS) -Wl,--as-needed -o $@ $^ $(SEARCH_LIBS)

$(BUILD)/tests/test_%: tests/unit/test_%.c $(wildcard tests/unit/*.h) $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -o $@ $< $(LIBA) \
		$(shell pkg-config --libs criterion) $(LDLIBS)

deps:
	@scripts/deps.sh

# The test command of the README: dependencies, a fresh build, unit tests
# (criterion), then the end-to-end scripts on the built programs.
check: deps
	@$(MAKE) --no-print-directory all units
	@scripts/run-tests.sh $(BUILD)

units: $(UNIT_BIN)

# The whole suite under AddressSanitizer, UBSan and LeakSanitizer, in its
# own build folder; any sanitizer report in the log fails the target.
check-asan: deps
	@$(MAKE) --no-print-directory BUILD=build/asan OPT='-O1 -g' \
		SAN='-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined' \
		all units
	@scripts/run-tests.sh build/asan --sanitize

demo: deps
	@$(MAKE) --no-print-directory all
	@scripts/demo.sh $(BUILD)

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(MANDIR)/man7
	install -m 755 $(BINS) $(DESTDIR)$(BINDIR)
	for m in $(MANS); do \
		s=$${m##*.}; install -m 644 $$m $(DESTDIR)$(MANDIR)/man$$s; \
	done
	install -d $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR)
	install -m 644 scripts/completion/zhengce.bash \
		$(DESTDIR)$(BASHCOMPDIR)/zcsearch
	install -m 644 scripts/completion/zhengce.bash \
		$(DESTDIR)$(BASHCOMPDIR)/zcindex
	install -m 644 scripts/completion/_zhengce $(DESTDIR)$(ZSHCOMPDIR)

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/zcindex $(DESTDIR)$(BINDIR)/zcsearch
	for m in $(MANS); do \
		s=$${m##*.}; rm -f $(DESTDIR)$(MANDIR)/man$$s/$${m#man/}; \
	done
	rm -f $(DESTDIR)$(BASHCOMPDIR)/zcsearch $(DESTDIR)$(BASHCOMPDIR)/zcindex \
		$(DESTDIR)$(ZSHCOMPDIR)/_zhengce

clean:
	rm -rf $(BUILD) build

.PHONY: all deps check units check-gen t2s check-asan demo install \
	uninstall clean

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

# Segmentation quality on the PKU bakeoff test set, zhengce vs ICU alone.
bench-seg: all
	@scripts/bench-seg.sh $(BUILD)

.PHONY: bench-seg

# zhengce vs ripgrep and omega on the laws corpus; BENCH_SCALE=10 for ×10.
bench: all
	@scripts/bench.sh $(BUILD)

.PHONY: bench

# zcsearch of another build (BEFORE=DIR, e.g. a worktree's build/) against
# this one, interleaved on one index: what a change did to latency.
bench-ab: all
	@[ -n "$(BEFORE)" ] || { echo "bench-ab: give BEFORE=BUILD_DIR"; exit 2; }
	@python3 scripts/bench-ab.py --before $(BEFORE) --after $(BUILD) \
		--laws $${ZC_LAWS:-../shared/data/laws.tar.xz}

.PHONY: bench-ab

# libFuzzer targets (clang, ASan + UBSan), each run FUZZ_SECONDS seconds
# from the readable seeds in tests/fuzz/seeds/<target>/; findings are
# written to build/fuzz/crashes/.
FUZZ_SECONDS ?= 60
# Objects carry -MMD like the main build, so a changed header rebuilds
# them: a stale object of an old struct layout is a false finding.
FUZZ_DIR := build/fuzz
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=undefined -g -O1
FUZZ_TARGETS := qparse pipeline segment record pdf package
FUZZ_LIB_OBJ := $(LIB_SRC:%.c=$(FUZZ_DIR)/%.o) $(FUZZ_DIR)/lib/xapian/xapian.o

$(FUZZ_DIR)/%.o: %.c
	@mkdir -p $(@D)
	clang $(CPPFLAGS) $(PKG_CFLAGS) -std=c11 -Wall -Wextra -pthread \
		$(FUZZ_SAN) -fsanitize=fuzzer-no-link -MMD -MP -c $< -o $@

$(FUZZ_DIR)/lib/xapian/xapian.o: lib/xapian/xapian.cc
	@mkdir -p $(@D)
	clang++ $(CPPFLAGS) $(PKG_CFLAGS) -std=c++11 -Wall -Wextra -pthread \
		$(FUZZ_SAN) -fsanitize=fuzzer-no-link -MMD -MP -c $< -o $@

$(FUZZ_DIR)/fuzz_%.o: tests/fuzz/fuzz_%.c
	@mkdir -p $(@D)
	clang $(CPPFLAGS) $(PKG_CFLAGS) -std=c11 -Wall -Wextra -pthread \
		$(FUZZ_SAN) -fsanitize=fuzzer-no-link -MMD -MP -c $< -o $@

# Kept, not deleted as intermediates: a target whose objects are gone is
# not relinked when a header changes, and runs its old code.
.SECONDARY: $(FUZZ_LIB_OBJ) $(FUZZ_TARGETS:%=$(FUZZ_DIR)/fuzz_%.o)

# clang++ links: UBSan's C++ checks (vptr) need its C++ runtime.
$(FUZZ_DIR)/fuzz_%: $(FUZZ_DIR)/fuzz_%.o $(FUZZ_LIB_OBJ)
	clang++ $(FUZZ_SAN) -fsanitize=fuzzer -pthread -o $@ $^ $(PKG_LIBS) -lm

.SECONDARY: $(FUZZ_LIB_OBJ)

fuzz: deps $(FUZZ_TARGETS:%=$(FUZZ_DIR)/fuzz_%)
	@for t in $(FUZZ_TARGETS); do \
		mkdir -p $(FUZZ_DIR)/corpus/$$t $(FUZZ_DIR)/crashes/$$t; \
		echo "fuzz_$$t: $(FUZZ_SECONDS) s"; \
		$(FUZZ_DIR)/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) \
			-max_len=65536 -timeout=10 -rss_limit_mb=2048 \
			-artifact_prefix=$(FUZZ_DIR)/crashes/$$t/ \
			$(FUZZ_DIR)/corpus/$$t tests/fuzz/seeds/$$t \
			>$(FUZZ_DIR)/fuzz_$$t.log 2>&1; \
		rc=$$?; tail -n 3 $(FUZZ_DIR)/fuzz_$$t.log; \
		[ $$rc -eq 0 ] || exit 1; \
	done

.PHONY: fuzz

# The exact-match and known-item tests over the whole laws corpus, and
# its shards against one database (minutes; make check runs samples).
check-laws: all
	ZC_BUILD=$(abspath $(BUILD)) ZC_LAWS=full sh tests/e2e/t23-laws.sh
	ZC_BUILD=$(abspath $(BUILD)) ZC_LAWS=full sh tests/e2e/t45-shards.sh

.PHONY: check-laws

# kill -9 of zcindex at 20 seeded moments of a laws-corpus run (minutes).
check-kill: all
	tests/kill/kill-run.sh $(BUILD) 20

.PHONY: check-kill
