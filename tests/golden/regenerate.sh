#!/usr/bin/env bash
# Regenerates the golden files in tests/golden/ from the current build. Review the diff
# (git diff tests/golden) line by line before committing it.
set -euo pipefail
cd "$(dirname "$0")/../.."
OCRLINT_REGENERATE_GOLDEN=1 build/tests/ocrlint_tests --gtest_filter='Corpus/GoldenTest.*:GoldenDocsTest.*' \
  --gtest_brief=1
git status --short tests/golden
