"""What the comparison's modules share: importing the evaluation's scripts
(score.py, materialize.py), which live beside the repository, by path."""
import importlib.util
import pathlib


def load_module(path):
    """Imports a Python file by its path."""
    path = pathlib.Path(path)
    if not path.is_file():
        raise SystemExit(f"compare: {path} is missing; the shared evaluation folder must lie beside the repository")
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
