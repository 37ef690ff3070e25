#!/bin/sh
# The release build (`make dist`, `make bench`): `trunk build --release`,
# with Rust's standard library compiled along with the modules, for their
# size. Extra arguments go to trunk (the bench's baseline passes --dist).
#
# Rust's prebuilt standard library carries the code that formats a panic's
# message and where it happened, and every panic in it names its source
# file. Compiled from source (rustup's rust-src, which `make tools`
# installs), with:
# - panics that stop the module at once (-Cpanic=immediate-abort): no
#   panic message is formatted, so none of that code is downloaded;
# - no file names or lines in panic locations (-Zlocation-detail=none);
# - the standard library's own smaller forms (optimize_for_size: about
#   500 B on the first story's page and 1.7 KB on the opener; `make bench`
#   finds the opener's import no slower),
# the first story's page is about 20 KB gzip smaller (248.7 -> 228.3 KB).
#
# A panic then stops the module with a wasm trap and no message: web/boot.js
# and web/editor-boot.js catch the trap and say so in the widget's or the
# editor's place, as the panic hook did. `make serve` builds without any of
# this (a debug build), so a developer still reads every panic's message.
#
# These are unstable options; RUSTC_BOOTSTRAP=1 lets the stable cargo and
# rustc this project builds with (1.95) take them, and a newer stable may
# change them (the build then fails loudly). Only this build uses them:
# every test tier and the native tools build as usual. RUSTC_BOOTSTRAP
# also reaches the dependencies' build scripts, and a few (proc-macro2,
# thiserror) then use features of their own for a nightly compiler; the
# release build's host artifacts are rebuilt after a native release build
# (`cargo run --release`, as `make bench` does), and the other way round.
set -eu
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="${CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS:-} -Zlocation-detail=none -Zunstable-options -Cpanic=immediate-abort"
# Trunk builds --offline, and a fresh cargo home has none of the standard
# library's own dependencies: fetch them (and the project's, with those its
# build scripts and macros need on this machine) once, from the registry,
# where the offline check finds any missing. --locked: Cargo.lock is never
# rewritten here.
fetch() {
  cargo fetch --locked "$@" --target wasm32-unknown-unknown &&
    env -u CARGO_UNSTABLE_BUILD_STD -u CARGO_UNSTABLE_BUILD_STD_FEATURES cargo fetch --locked "$@"
}
if ! fetch --offline >/dev/null 2>&1; then
  fetch
fi
# The modules index.html names (its data-bin links), built by one cargo
# run before Trunk's: Trunk builds each with a cargo run of its own, which
# wait on each other, so that the modules' link-time optimisation, one
# core's work each, would run one after another. Built together, two run
# at a time; Trunk's runs then find them built.
bins=$(sed -n 's/.*data-bin="\([^"]*\)".*/--bin \1/p' index.html)
# shellcheck disable=SC2086
cargo build --release --offline --target wasm32-unknown-unknown $bins
exec trunk build --release --offline "$@"
