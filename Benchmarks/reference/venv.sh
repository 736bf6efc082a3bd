# Sourced by the benchmark scripts from the repository root: makes .build/benchmarks-venv with the
# reference engines of reference/requirements.txt from PyPI (again only when that file changes) and sets
# $python to its interpreter.
venv=.build/benchmarks-venv
if ! cmp -s Benchmarks/reference/requirements.txt "$venv/requirements.txt"; then
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r Benchmarks/reference/requirements.txt
    cp Benchmarks/reference/requirements.txt "$venv/requirements.txt"
fi
python=$venv/bin/python
export PYTHONDONTWRITEBYTECODE=1
