# zizhu — the two Quick-start commands are `make demo` and `make test`. Both install what a fresh Debian
# machine lacks (Debian: libcsv-dev, libxlsxwriter-dev, and for the tests chromium, chromium-driver and postgresql;
# PyPI: openpyxl, xlsxwriter, selenium for tests and benchmarks, python-stdnum for the peer check of the ID rules).

SWIFT      ?= swift
PYTHON     ?= python3
APT_PKGS   := libcsv-dev libxlsxwriter-dev
TEST_APT   := chromium chromium-driver postgresql
PIP_PKGS   := openpyxl xlsxwriter selenium python-stdnum
SUDO       := $(shell [ "$$(id -u)" = "0" ] || echo sudo)
RELEASE    := .build/release/zizhu
DEMO_OUT   := out/demo
ASAN_BUILD := .build-asan
# The tests' PostgreSQL server (Tests/postgres/server.sh): a new cluster under /tmp for each `make test`, removed after.
PG_DIR     := $(shell mktemp -u /tmp/zizhu-test-postgres.XXXXXX)
# Under AddressSanitizer (several times slower) the 100,000-row end-to-end test and the kill test run smaller:
# the same code paths, and the 200-round memory test runs 20 rounds. Leaks outside zizhu's code are suppressed, each with its reason, in the .supp file.
ASAN_ENV   := LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/sanitizers/lsan.supp:print_suppressions=0 \
              ZIZHU_E2E_ROWS=10000 ZIZHU_FAULT_ROWS=1500 ZIZHU_MEMORY_ROUNDS=20

PRINT_APT  := libreoffice-calc fonts-noto-cjk poppler-utils

.PHONY: demo test test-asan test-serve test-print deps deps-apt deps-test-apt apt-install deps-pip build release unit readback clean bench \
        bench-serve fuzz

# Shows every finding on the samples (check exits 1 when it finds errors: expected here), then writes them all.
demo: deps release
	-$(RELEASE) check samples
	$(RELEASE) run samples -o $(DEMO_OUT)

# The Swift tests run with a real PostgreSQL server started for them (and required: without it they fail).
test: deps deps-test-apt
	$(SWIFT) build --build-tests
	@url=$$(Tests/postgres/server.sh start $(PG_DIR)) || exit 1; \
	ZIZHU_TEST_DATABASE_URL="$$url" ZIZHU_REQUIRE_POSTGRES=1 $(SWIFT) test --skip-build; status=$$?; \
	Tests/postgres/server.sh stop $(PG_DIR); exit $$status
	$(MAKE) readback
	$(MAKE) test-serve
	$(MAKE) test-asan

# `zizhu serve` as people use it: the JSON API beside `zizhu check --format json`, then chromium through
# selenium on the real page (screenshots in .build/browser/ when a step fails).
test-serve: deps deps-test-apt
	$(SWIFT) build --product zizhu
	$(PYTHON) Tests/serve/test_api.py .build/debug/zizhu
	$(PYTHON) Tests/serve/test_security.py .build/debug/zizhu
	$(PYTHON) Tests/serve/test_district.py .build/debug/zizhu
	$(PYTHON) Tests/serve/test_district_view.py .build/debug/zizhu
	$(PYTHON) Tests/serve/test_browser.py .build/debug/zizhu

# Every workbook printed by LibreOffice and read back from the PDF (A4, landscape, headers on every page, no
# column cut off, page X of Y, 合计 and 大写, signatures, charts on their table's page); writes
# docs/register-page1.png. Not part of `make test`: installing LibreOffice would double CI's time.
test-print: deps
	@$(MAKE) --no-print-directory apt-install PACKAGES="$(PRINT_APT)"
	$(SWIFT) build --product zizhu
	$(PYTHON) Tests/print/test_print.py .build/debug/zizhu

# Every test again under AddressSanitizer and LeakSanitizer — the test process and every zizhu it starts — in
# a build folder of its own, so the normal build stays warm. Built without the PostgreSQL trait: this pass is
# for the C libraries behind readers and writers; the PostgreSQL engine (pure Swift over SwiftNIO) is tested in
# the normal pass, and building postgres-nio a second time would not fit CI's time.
test-asan: deps
	$(SWIFT) build --build-tests --sanitize=address --build-path $(ASAN_BUILD) --disable-default-traits
	$(ASAN_ENV) $(SWIFT) test --skip-build --sanitize=address --build-path $(ASAN_BUILD) --disable-default-traits

# Opens every document of a run with openpyxl, a reader we did not write (debug binary: no release build in CI).
readback:
	$(SWIFT) build --product zizhu
	rm -rf .build/readback && .build/debug/zizhu run samples -o .build/readback/samples > /dev/null
	$(PYTHON) Tests/readback/check_outputs.py .build/readback/samples

release:
	$(SWIFT) build -c release --product zizhu

build:
	$(SWIFT) build

deps: deps-apt deps-pip

deps-apt:
	@$(MAKE) --no-print-directory apt-install PACKAGES="$(APT_PKGS)"

deps-test-apt:
	@$(MAKE) --no-print-directory apt-install PACKAGES="$(TEST_APT)"

apt-install:
	@missing=""; for p in $(PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

deps-pip:
	@$(PYTHON) -c "import openpyxl, xlsxwriter, selenium, stdnum.cn.ric" 2>/dev/null || $(PYTHON) -m pip install -q $(PIP_PKGS)

bench: deps release
	$(PYTHON) Benchmarks/run.py

bench-serve: deps release
	$(PYTHON) Benchmarks/serve_bench.py

# libFuzzer on the CSV and XLSX readers (Fuzz/, a package of its own; not part of `make test`).
# FUZZ_SECONDS per target; the corpus grows in Fuzz/.build/fuzz and crashes land in Fuzz/.build/fuzz/crashes.
FUZZ_SECONDS ?= 60
fuzz: deps
	cd Fuzz && $(SWIFT) build -c release -Xswiftc -sanitize=fuzzer,address
	$(PYTHON) Fuzz/make_corpus.py Fuzz/.build/fuzz
	Fuzz/run.sh csv $(FUZZ_SECONDS)
	Fuzz/run.sh xlsx $(FUZZ_SECONDS)

clean:
	rm -rf .build $(ASAN_BUILD) out Fuzz/.build
