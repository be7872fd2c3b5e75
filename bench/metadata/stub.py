#!/usr/bin/env python3
"""Copy a tree of manifests and create empty source files for the targets each Cargo.toml implies.

The conformance workspaces hold only Cargo.toml files; cargo and ferry both need the target files
to exist. Same rules as tests/Ferry.Testsuite/Metadata/WorkspaceStubber.cs.
usage: stub.py SOURCE DESTINATION
"""
import os
import shutil
import sys
import tomllib


def touch(root, rel):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if not os.path.exists(path):
        open(path, "w").close()


def stub(root, manifest):
    try:
        with open(manifest, "rb") as f:
            doc = tomllib.load(f)
    except tomllib.TOMLDecodeError:
        return
    pkg = doc.get("package")
    if not isinstance(pkg, dict):
        return
    name = pkg.get("name")
    lib = doc.get("lib")
    bins = doc.get("bin", [])
    if lib is not None:
        touch(root, lib.get("path", "src/lib.rs"))
    for b in bins:
        if "path" in b:
            touch(root, b["path"])
        else:
            touch(root, "src/main.rs" if b.get("name") == name else "src/bin/%s.rs" % b.get("name"))
    for kind, d in (("example", "examples"), ("test", "tests"), ("bench", "benches")):
        for t in doc.get(kind, []):
            touch(root, t.get("path", "%s/%s.rs" % (d, t.get("name"))))
    if lib is None and not bins:
        touch(root, "src/lib.rs")
    if isinstance(pkg.get("build"), str):
        touch(root, pkg["build"])
    run = pkg.get("default-run")
    if isinstance(run, str):
        touch(root, "src/main.rs" if run == name else "src/bin/%s.rs" % run)


def main():
    src, dst = sys.argv[1], sys.argv[2]
    shutil.rmtree(dst, ignore_errors=True)
    shutil.copytree(src, dst)
    for root, _dirs, files in os.walk(dst):
        if "Cargo.toml" in files:
            stub(root, os.path.join(root, "Cargo.toml"))


main()
