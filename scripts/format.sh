#!/usr/bin/env bash
# Formats the Swift sources with the repo's .swift-format; `--check` only reports and fails on a difference.
set -euo pipefail
cd "$(dirname "$0")/.."
paths=(Package.swift Sources Tests)
if [ "${1:-}" = "--check" ]; then
  swift format lint --strict --recursive --parallel "${paths[@]}"
else
  swift format format --in-place --recursive --parallel "${paths[@]}"
fi
