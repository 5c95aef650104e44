# jianyi — build, test and demo.
# `make` builds ./jianyi; `make test` runs the unit and CLI tests;
# `make SANITIZE=1 test` runs them under ASan and UBSan; `make demo` loads data/.

PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
MANDIR    ?= $(PREFIX)/share/man
LOCALEDIR ?= $(PREFIX)/share/locale
COMPDIR   ?= $(PREFIX)/share/bash-completion/completions
VERSION   := 0.1.0

CC      ?= cc
PKGS    := sqlite3 libcjson libutf8proc xlsxwriter libedit
# Linked in; libxlsxwriter and libedit are loaded when first needed (lazy.c).
LINKED  := sqlite3 libcjson libutf8proc
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
           -D_GNU_SOURCE -Iinclude \
           -DJIANYI_VERSION='"$(VERSION)"' -DLOCALEDIR='"$(LOCALEDIR)"'
LDLIBS  := -lcsv

ifeq ($(SANITIZE),1)
O       := build/san
CFLAGS  += -O1 -fno-omit-frame-pointer -fsanitize=address,undefined \
           -fno-sanitize-recover=all
LDFLAGS += -fsanitize=address,undefined
BIN     := $(O)/jianyi
else
O       := build/std
BIN     := jianyi
endif

# pkg-config is asked only when a build needs it, not on `make deps`.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(LINKED) 2>/dev/null)

# The soname of a library loaded when first needed, read off the file the
# compiler would link: libxlsxwriter.so.4 on Debian 12.
soname = $(shell objdump -p $$($(CC) -print-file-name=lib$(1).so) \
	2>/dev/null | awk '$$1 == "SONAME" { print $$2 }')
$(O)/repxlsx.o: CFLAGS += $(if $(call soname,xlsxwriter),-DXLSX_SONAME='"$(call soname,xlsxwriter)"')
$(O)/prompt.o: CFLAGS += $(if $(call soname,edit),-DEDIT_SONAME='"$(call soname,edit)"')

# The layers, each in its room (docs/HACKING.md): base, io, store, domain,
# report (the writers) and cmd (the commands, as git's builtin/). Each
# source file's name is unique across them: the objects sit side by side.
SRCS    := $(wildcard src/*/*.c)
LIBSRCS := $(filter-out src/cmd/%,$(SRCS))
OBJS    := $(patsubst %.c,$(O)/%.o,$(notdir $(SRCS))) $(O)/schema.o \
    $(O)/calendar-cn.o
LIBOBJS := $(patsubst %.c,$(O)/%.o,$(notdir $(LIBSRCS))) $(O)/schema.o \
    $(O)/calendar-cn.o
vpath %.c $(sort $(dir $(SRCS)))
UNITS   := $(patsubst tests/unit/%.c,$(O)/unit/%,$(wildcard tests/unit/test_*.c))

# Message catalogs: po/LANG.po compiled into build/locale, where the
# binary in the build tree finds them (an installed one uses LOCALEDIR).
POFILES := $(wildcard po/*.po)
MOFILES := $(POFILES:po/%.po=build/locale/%/LC_MESSAGES/jianyi.mo)

.PHONY: all deps test unit cli demo clean stress fuzz valgrind bench pot \
	install uninstall FORCE lint mutate coverage
all: $(BIN) $(MOFILES)

build/locale/%/LC_MESSAGES/jianyi.mo: po/%.po
	@mkdir -p $(@D)
	@echo "  MSGFMT  $<"
	@msgfmt --check -o $@ $<

# The template for translators, from every _() and N_() in src/.
pot:
	xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ \
	    --keyword=ngettext:1,2 --add-comments=TRANSLATORS \
	    --package-name=jianyi --package-version=$(VERSION) \
	    -o po/jianyi.pot $(sort $(SRCS) $(wildcard include/*.h))

deps:
	@scripts/deps.sh

$(BIN): $(OBJS)
	@echo "  LD      $@"
	@$(CC) $(LDFLAGS) -o $@ $(OBJS) $(PKG_LIBS) $(LDLIBS)

$(O)/%.o: %.c include/*.h | $(O)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS) $(PKG_CFLAGS) -c -o $@ $<

# The schema is real SQL in src/store/schema.sql, embedded as a C string.
$(O)/schema.c: src/store/schema.sql scripts/embed.awk | $(O)
	@awk -v name=schema_sql -f scripts/embed.awk src/store/schema.sql > $@
$(O)/schema.o: $(O)/schema.c
	@echo "  CC      $<"
	@$(CC) $(CFLAGS) -c -o $@ $<

# The State Council's holidays and make-up working days, as one INSERT that
# migration 4 runs (data/calendar-cn.csv, scripts/calendar.awk).
$(O)/calendar-cn.c: data/calendar-cn.csv scripts/calendar.awk | $(O)
	@awk -f scripts/calendar.awk data/calendar-cn.csv > $@.tmp && \
	    mv $@.tmp $@
$(O)/calendar-cn.o: $(O)/calendar-cn.c
	@echo "  CC      $<"
	@$(CC) $(CFLAGS) -c -o $@ $<

$(O)/unit/%: tests/unit/%.c $(LIBOBJS) | $(O)
	@mkdir -p $(O)/unit
	@echo "  CC      $<"
	@$(CC) $(CFLAGS) $(PKG_CFLAGS) $(LDFLAGS) -o $@ $< $(LIBOBJS) \
	    $(PKG_LIBS) $(LDLIBS) -lcmocka

$(O):
	@mkdir -p $(O)

# The catalogs' directory is compiled in: rebuild when PREFIX changes.
$(O)/i18n.o: $(O)/localedir
$(O)/localedir: FORCE | $(O)
	@echo '$(LOCALEDIR)' | cmp -s - $@ || echo '$(LOCALEDIR)' > $@

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(MANDIR)/zh_CN/man1 $(DESTDIR)$(COMPDIR)
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/jianyi
	install -m 644 man/jianyi.1 $(DESTDIR)$(MANDIR)/man1/jianyi.1
	install -m 644 man/zh_CN/jianyi.1 \
	    $(DESTDIR)$(MANDIR)/zh_CN/man1/jianyi.1
	install -m 644 scripts/jianyi-completion.bash $(DESTDIR)$(COMPDIR)/jianyi
	for mo in $(MOFILES); do \
		lang=$${mo#build/locale/}; lang=$${lang%%/*}; \
		install -d $(DESTDIR)$(LOCALEDIR)/$$lang/LC_MESSAGES; \
		install -m 644 $$mo \
		    $(DESTDIR)$(LOCALEDIR)/$$lang/LC_MESSAGES/jianyi.mo; \
	done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/jianyi $(DESTDIR)$(MANDIR)/man1/jianyi.1 \
	    $(DESTDIR)$(MANDIR)/zh_CN/man1/jianyi.1 $(DESTDIR)$(COMPDIR)/jianyi
	for mo in $(MOFILES); do \
		lang=$${mo#build/locale/}; lang=$${lang%%/*}; \
		rm -f $(DESTDIR)$(LOCALEDIR)/$$lang/LC_MESSAGES/jianyi.mo; \
	done

test: deps lint
	@$(MAKE) --no-print-directory $(BIN) $(MOFILES) $(UNITS)
	@tests/cycles $(O)
	@JIANYI=$(abspath $(BIN)) UNITS="$(UNITS)" tests/run

# Line coverage per file (gcov): the suite run on a --coverage build in
# build/cov, then tests/coverage; fails under COVERAGE_MIN (95) percent.
COVUNITS = $(patsubst $(O)/%,build/cov/%,$(UNITS))
coverage: deps
	@rm -rf build/cov
	@CFLAGS="-O0 -g -DJIANYI_COVERAGE" $(MAKE) --no-print-directory O=build/cov \
	    BIN=build/cov/jianyi CC="$(CC) --coverage" build/cov/jianyi \
	    $(MOFILES) $(COVUNITS)
	@# The tests that run as another user (uid 65534) count too: the
	@# data files are writable by all, and libgcov keeps its complaints.
	@chmod -R a+rwX build/cov
	@umask 0; GCOV_ERROR_FILE=/dev/null JIANYI=$(abspath build/cov/jianyi) \
	    UNITS="$(COVUNITS)" tests/run; \
	    st=$$?; tests/coverage build/cov || st=1; exit $$st

# Mutation testing (tests/mutate/run): not part of `make test`; each mutant
# is a small bug the suite must catch.  MUTATE_ARGS: e.g. "-m rate.c".
mutate: deps
	@nice tests/mutate/run $(MUTATE_ARGS)

# Assertions that cannot fail (a bare `! cmd`, `a && b` not at a test's end).
lint:
	@tests/lint-bats tests/cli/*.bats tests/cli/helper.bash

demo: deps
	@$(MAKE) --no-print-directory $(BIN) $(MOFILES)
	@JIANYI=$(abspath $(BIN)) scripts/demo.sh

# The full counts of the reliability tests; `make test` runs small ones.
stress: deps
	@$(MAKE) --no-print-directory $(BIN)
	@JIANYI=$(abspath $(BIN)) tests/stress/run full

# libFuzzer harnesses (clang), each for a bounded time: FUZZ_SECONDS.
fuzz: deps
	@tests/fuzz/run $${FUZZ_SECONDS:-60}

# The CLI tests under valgrind memcheck: no leaks, no errors.
valgrind:
	@scripts/deps.sh valgrind
	@$(MAKE) --no-print-directory $(BIN)
	@JIANYI=$(abspath tests/valgrind-jianyi) JIANYI_REAL=$(abspath $(BIN)) \
	    UNITS= tests/run

# The benchmark: bench/run [N] prints its figures; not part of `make test`.
bench:
	@scripts/deps.sh bench
	@$(MAKE) --no-print-directory $(BIN)
	@JIANYI=$(abspath $(BIN)) bench/run $${N:-100000}

clean:
	rm -rf build jianyi demo.db
