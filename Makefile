# Thin wrapper over CMake presets. Every target installs what is missing, configures and
# builds first, so each works on a fresh Debian 12 machine and is idempotent.
BUILD := build
JOBS ?= $(shell nproc)

.PHONY: all deps build demo test bench format golden clean

all: build

deps:
	@scripts/install-deps

$(BUILD)/build.ninja: CMakeLists.txt CMakePresets.json | deps
	cmake --preset default

build: deps $(BUILD)/build.ninja
	cmake --build --preset default -j $(JOBS)

# Lint the bundled corpus with the default configuration. Findings make ocrlint exit 1,
# which is the expected outcome here; a usage or I/O error (exit 2) still fails.
demo: deps $(BUILD)/build.ninja
	@cmake --build --preset default -j $(JOBS) --target ocrlint
	@$(BUILD)/ocrlint corpus_samples/; rc=$$?; [ $$rc -le 1 ]

test: build
	ctest --preset default -j $(JOBS)

bench: build
	bench/run_throughput.sh

# Regenerate the golden files in tests/golden/ (review the diff like code).
golden: build
	tests/golden/regenerate.sh

format:
	clang-format -i $$(git ls-files '*.cc' '*.h')

clean:
	rm -rf $(BUILD)
