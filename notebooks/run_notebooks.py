#!/usr/bin/env python3
"""Execute plenary's notebooks headless and check that they work.

Runs every ``*.ipynb`` in this directory (or the ones named) top to bottom with
nbclient, in a kernel of the Python that runs this script (the venv), with
``PLENARY_OUT`` pointing at a plenary output directory. Fails (exit 1) with a
message naming the notebook and the cell on the first error or time-out, and
when the notebooks together produce fewer than ``--min-figures`` figures
(image/png outputs; 4 when every notebook runs). The executed notebooks are
not written anywhere unless ``--save-executed DIR`` names a directory outside
the repository; what the kernels would write (matplotlib's font cache,
IPython's history, kernel sockets) goes to a temporary directory.

    PLENARY_OUT=out python notebooks/run_notebooks.py
    python notebooks/run_notebooks.py --out /tmp/out 02-positions.ipynb

Exit status: 0 success, 1 a notebook failed or too few figures, 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
KERNEL_NAME = "plenary-notebooks"
MIN_FIGURES = 4


def fail_usage(msg: str) -> None:
    print(f"run_notebooks: {msg}", file=sys.stderr)
    sys.exit(2)


def resolve_out(arg: str | None) -> Path:
    raw = arg or os.environ.get("PLENARY_OUT", "").strip()
    if raw:
        p = Path(raw).expanduser()
        candidates = [p] if p.is_absolute() else [Path.cwd() / p, REPO / p]
    else:
        candidates = [REPO / "out"]
    for c in candidates:
        if (c / "manifest.json").is_file():
            return c.resolve()
    fail_usage("no plenary output (manifest.json) in " + " or ".join(map(str, candidates))
               + ": run `go run ./cmd/plenary run` first, or pass --out / set PLENARY_OUT")
    raise AssertionError("unreachable")


def inside(path: Path, parent: Path) -> bool:
    try:
        path.resolve().relative_to(parent.resolve())
        return True
    except ValueError:
        return False


def install_kernelspec(base: Path) -> None:
    """A kernelspec that runs ipykernel with this very interpreter.

    Put first on JUPYTER_PATH so that no user- or system-wide "python3"
    kernel (another Python, other packages) can be picked up instead.
    """
    kdir = base / "share" / "jupyter" / "kernels" / KERNEL_NAME
    kdir.mkdir(parents=True)
    spec = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "plenary notebooks (runner)",
        "language": "python",
        "metadata": {"debugger": False},
    }
    (kdir / "kernel.json").write_text(json.dumps(spec, indent=1), encoding="utf-8")
    old = os.environ.get("JUPYTER_PATH")
    new = str(base / "share" / "jupyter")
    os.environ["JUPYTER_PATH"] = new + (os.pathsep + old if old else "")


def first_line(source: str) -> str:
    for line in source.splitlines():
        if line.strip():
            return line.strip()[:80]
    return "(empty)"


def count_figures(nb) -> int:
    n = 0
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if "image/png" in out.get("data", {}):
                n += 1
    return n


def notes(nb) -> list[str]:
    """Lines the notebooks print to say that a section was skipped."""
    found = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream" and out.get("name") == "stdout":
                found += [line.strip() for line in out.get("text", "").splitlines()
                          if line.strip().lower().startswith("skipped")]
    return found


def stderr_text(nb) -> list[tuple[int, str]]:
    found = []
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream" and out.get("name") == "stderr":
                found.append((i, out.get("text", "")))
    return found


def run_one(path: Path, timeout: int, save_dir: Path | None) -> tuple[int, float, list[str]]:
    import nbformat
    from nbclient import NotebookClient
    from traitlets.config import Config

    nb = nbformat.read(path, as_version=4)
    current = {"index": None, "cell": None}

    def on_cell_start(cell, cell_index):
        current["index"], current["cell"] = cell_index, cell

    # IPC sockets in the temporary runtime directory: nothing listens on TCP.
    sockets = Path(os.environ["JUPYTER_RUNTIME_DIR"])
    sockets.mkdir(parents=True, exist_ok=True)
    config = Config()
    config.KernelManager.transport = "ipc"
    config.KernelManager.ip = str(sockets / "kernel")
    client = NotebookClient(
        nb,
        config=config,
        kernel_name=KERNEL_NAME,
        timeout=timeout,
        startup_timeout=120,
        allow_errors=False,
        resources={"metadata": {"path": str(path.parent)}},
        on_cell_start=on_cell_start,
    )
    rel = path.relative_to(REPO) if inside(path, REPO) else path
    started = time.monotonic()
    try:
        client.execute()
    except Exception as err:  # CellExecutionError, CellTimeoutError, DeadKernelError, ...
        idx, cell = current["index"], current["cell"]
        where = "before the first cell (kernel start)" if idx is None else \
            f"cell index {idx} of {len(nb.cells)} ({cell.cell_type}, starting {first_line(cell.source)!r})"
        print(f"\nFAIL {rel}: {where}: {type(err).__name__}", file=sys.stderr)
        print(re.sub(r"\x1b\[[0-9;]*m", "", str(err)), file=sys.stderr)  # no ANSI colours
        sys.exit(1)
    elapsed = time.monotonic() - started
    for i, text in stderr_text(nb):
        print(f"  {rel} cell {i} wrote to stderr:\n    " + text.strip().replace("\n", "\n    ")[:2000])
    if save_dir is not None:
        save_dir.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, save_dir / path.name)
    return count_figures(nb), elapsed, notes(nb)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("notebooks", nargs="*", help="notebooks to run (default: every *.ipynb beside this script)")
    ap.add_argument("--out", help="plenary output directory (default: $PLENARY_OUT, else out/ at the repository root)")
    ap.add_argument("--timeout", type=int, default=600, help="seconds allowed per cell (default 600)")
    ap.add_argument("--min-figures", type=int, default=None,
                    help="fewest figures (image/png outputs) in total (default 4 when running every notebook, "
                         "0 when notebooks are named)")
    ap.add_argument("--save-executed", metavar="DIR", help="write the executed notebooks to DIR, outside the repository")
    args = ap.parse_args()

    out = resolve_out(args.out)
    save_dir = None
    if args.save_executed:
        save_dir = Path(args.save_executed).expanduser().resolve()
        if inside(save_dir, REPO):
            fail_usage(f"--save-executed {save_dir}: executed notebooks are not written into the repository")

    # A named notebook is looked up in the current directory, then beside this script.
    paths = [Path(p).resolve() if Path(p).exists() else (HERE / p).resolve() for p in args.notebooks]
    paths = paths or sorted(HERE.glob("*.ipynb"))
    if args.min_figures is None:
        args.min_figures = 0 if args.notebooks else MIN_FIGURES
    paths = [p for p in paths if ".ipynb_checkpoints" not in p.parts]
    if not paths:
        fail_usage(f"no notebooks in {HERE}")
    for p in paths:
        if not p.is_file():
            fail_usage(f"{p}: no such notebook")

    with tempfile.TemporaryDirectory(prefix="plenary-nb-") as tmp:
        base = Path(tmp)
        install_kernelspec(base)
        # Everything the kernels would write (matplotlib's font cache, IPython's
        # history, connection files) goes to the temporary directory.
        os.environ.update({
            "PLENARY_OUT": str(out),
            "MPLBACKEND": "module://matplotlib_inline.backend_inline",
            "MPLCONFIGDIR": str(base / "matplotlib"),
            "IPYTHONDIR": str(base / "ipython"),
            "JUPYTER_RUNTIME_DIR": str(base / "runtime"),
            "PYTHONHASHSEED": "0",
            "PYDEVD_DISABLE_FILE_VALIDATION": "1",
        })
        print(f"PLENARY_OUT={out}")
        total, rows = 0, []
        for p in paths:
            figures, secs, skipped = run_one(p, args.timeout, save_dir)
            total += figures
            rows.append((p.name, figures, secs))
            print(f"ok   {p.name}: {figures} figure(s), {secs:.1f}s")
            for line in skipped:
                print(f"       note: {line}")

    print(f"{len(paths)} notebook(s), {total} figure(s)")
    if total < args.min_figures:
        print(f"FAIL: the notebooks produced {total} figure(s), fewer than {args.min_figures}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
